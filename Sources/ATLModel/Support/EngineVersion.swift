/// The engine's version, written in every provenance stamp and checked by index snapshots.
public enum EngineVersion {
    public static let current = "0.1.0"
}
