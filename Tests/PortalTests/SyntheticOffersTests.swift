import Testing
import Foundation
@testable import Portal

@Suite struct SyntheticOffersTests {
    static let places = [SyntheticOffers.Place(postalCode: "15-371", locality: "Białystok"),
                         SyntheticOffers.Place(postalCode: "90-001", locality: "Łódź")]
    static let today = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func theSameSeedGivesTheSameOffersAndEveryOneIsValid() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let first = (0..<200).map { SyntheticOffers.offer($0, places: Self.places, rng: &a, today: Self.today) }
        let again = (0..<200).map { SyntheticOffers.offer($0, places: Self.places, rng: &b, today: Self.today) }
        let other = (0..<200).map { SyntheticOffers.offer($0, places: Self.places, rng: &c, today: Self.today) }
        #expect(first == again)
        #expect(first != other)
        let codes = Set(SyntheticOffers.occupationCodes)
        #expect(first.allSatisfy { $0.problems(today: Self.today, occupationExists: codes.contains).isEmpty })
        #expect(Set(first.map(\.occupationCode)).count > 8, "a mix of trades")
        var u1 = SeededRandom(seed: 9), u2 = SeededRandom(seed: 9)
        #expect(u1.uuid() == u2.uuid())
    }
}
