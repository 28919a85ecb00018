import Foundation
import Testing
import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
@testable import ATLServices

@Suite("ListService and ProfileInput: one child's list and why")
struct ListServiceTests {
    @Test func aProfileIsParsedWithTheHashOfItsBytes() throws {
        let bytes = Array(ServiceFixture.profileText().utf8)
        let input = try ProfileInput.parse(bytes, source: "form", date: ServiceFixture.date)
        #expect(input.profile.reference == "EX-T-1")
        #expect(input.profile.primaryNeed == .ASD)
        #expect(input.source == "form")
        #expect(input.hash == SHA256.hex(bytes))
    }

    @Test func aFieldGivenTwiceIsAnErrorWithItsCode() {
        let bytes = Array(ServiceFixture.profileText(extra: "nc-year: 7").utf8)
        #expect(codes { try ProfileInput.parse(bytes, source: "form", date: ServiceFixture.date) } == ["profile.field-given-twice"])
    }

    @Test func aMissingProfileFileIsAnInputError() {
        let c = codes { try ProfileInput.read(path: "/nonexistent/child.profile", date: ServiceFixture.date) }
        #expect(c == ["input.not-found"])
    }

    @Test func theListIsRankedStampedAndRepeatable() throws {
        let folder = try TemporaryFolder("list-service")
        let path = try folder.write("child.profile", ServiceFixture.profileText())
        let input = try ProfileInput.read(path: path, date: ServiceFixture.date)
        let list = try ListService.list(input, engine: ServiceFixture.engine, date: ServiceFixture.date)
        #expect(list.reference == "EX-T-1")
        #expect(list.fictionalCatalogue)
        #expect(!list.entries.isEmpty)
        #expect(list.entries.map(\.rank) == Array(1...list.entries.count))
        let urns = Set(ServiceFixture.catalogue.settings.map(\.urn))
        #expect(list.entries.allSatisfy { urns.contains($0.setting.urn) })
        #expect(list.stamp.date == "2026-11-23")
        #expect(list.stamp.hash(of: "profile") == input.hash)
        #expect(list.homeDistrict == "TF3")
        let again = try ListService.list(input, engine: ServiceFixture.engine, date: ServiceFixture.date)
        #expect(ListJSON.value(again).serialized() == ListJSON.value(list).serialized())
    }

    @Test func aHomeNotInTheLookupIsAnError() throws {
        let input = try ProfileInput.parse(Array(ServiceFixture.profileText(postcode: "TF3 9ZZ").utf8), source: "form",
                                           date: ServiceFixture.date)
        #expect(codes { try ListService.list(input, engine: ServiceFixture.engine, date: ServiceFixture.date) }
                == ["engine.postcode-not-in-lookup"])
    }

    @Test func whyAgreesWithTheList() throws {
        let input = try ProfileInput.parse(Array(ServiceFixture.profileText().utf8), source: "form", date: ServiceFixture.date)
        let list = try ListService.list(input, engine: ServiceFixture.engine, date: ServiceFixture.date)
        let first = try #require(list.entries.first)
        let answer = try ListService.why(input, urn: first.setting.urn, engine: ServiceFixture.engine, date: ServiceFixture.date)
        #expect(answer.onList)
        #expect(answer.brokenRules.isEmpty)
        #expect(answer.entry?.setting.urn == first.setting.urn)
        #expect(answer.listSize == list.entries.count)
        let listed = Set(list.entries.map(\.setting.urn))
        let notListed = try #require(ServiceFixture.catalogue.settings.first { !listed.contains($0.urn) })
        let other = try ListService.why(input, urn: notListed.urn, engine: ServiceFixture.engine, date: ServiceFixture.date)
        #expect(!other.onList)
        #expect(other.entry == nil)
    }

    @Test func whyForAURNNotInTheCatalogueIsAnError() throws {
        let input = try ProfileInput.parse(Array(ServiceFixture.profileText().utf8), source: "form", date: ServiceFixture.date)
        #expect(codes { try ListService.why(input, urn: 1, engine: ServiceFixture.engine) } == ["engine.unknown-urn"])
    }
}
