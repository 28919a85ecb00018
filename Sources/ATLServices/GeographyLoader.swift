import ATLModel
import ATLData
import ATLMaps
import Foundation

/// Loads the base map the reports draw under their data: the shipped LA district boundaries and towns
/// (`provision-catalogue/geography/`, see its PROVENANCE-maps.md). Missing default files are a note and give
/// no base map (the maps are then drawn without boundaries); a malformed file is an error naming its line.
public enum GeographyLoader {
    public static let defaultBoundaries = "provision-catalogue/geography/lad-boundaries-bng.txt"
    public static let defaultTowns = "provision-catalogue/geography/towns-bng.txt"

    public static func load(boundaries: String = defaultBoundaries, towns: String = defaultTowns,
                            notify: EngineLoader.Notify) throws(ATLError) -> MapGeography? {
        guard InputFile.kind(of: boundaries) != .missing, InputFile.kind(of: towns) != .missing else {
            notify("atl: note: maps: no LA boundaries loaded (\(boundaries) or \(towns) not found); maps are drawn without them")
            return nil
        }
        // Files that are there are read under the input policy (regular files, at most 16 MiB each).
        let b = try InputFile.read(boundaries, what: "boundaries file", limit: InputFile.Limit.districtTable)
        let t = try InputFile.read(towns, what: "towns file", limit: InputFile.Limit.districtTable)
        do throws(MapFileError) {
            return try MapGeography.parse(boundaries: String(decoding: b, as: UTF8.self), towns: String(decoding: t, as: UTF8.self))
        } catch {
            let file = error.format == TownFile.format ? towns : boundaries
            throw ATLError(code: "geography.malformed", file: file, line: error.line, error.message)
        }
    }
}
