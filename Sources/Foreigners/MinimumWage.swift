import Foundation
import Directory

/// The minimum wage for work under an employment contract (monthly, full time) and the minimum
/// hourly rate for contracts of mandate, by the day each came into force (regulations of the
/// Council of Ministers, one a year, published by 15 September for the next year).
public struct MinimumWage: Sendable {
    public struct Rate: Sendable, Equatable {
        public let from: LocalDate
        /// Złoty, gross, a month of full-time work.
        public let monthly: Decimal
        /// Złoty, gross, an hour.
        public let hourly: Decimal
    }

    public let rates: [Rate]

    /// The shipped table (`Data/minimum-wage.json`, a line a year).
    public static let poland: MinimumWage = {
        struct File: Decodable { struct Line: Decodable { let from: String; let monthly: String; let hourly: String }; let rates: [Line] }
        let url = Bundle.module.url(forResource: "minimum-wage", withExtension: "json", subdirectory: "Data")!
        guard let file = try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)) else { fatalError("minimum-wage.json unreadable") }
        return MinimumWage(rates: file.rates.map { line in
            guard let from = LocalDate(iso: line.from), let m = Decimal(string: line.monthly), let h = Decimal(string: line.hourly) else {
                fatalError("minimum-wage.json: bad line \(line.from)")
            }
            return Rate(from: from, monthly: m, hourly: h)
        })
    }()

    /// The rates in force at some time between two days (the one in force on `from` and every later one).
    public func rates(from: LocalDate, to: LocalDate) -> [Rate] {
        let sorted = rates.sorted { $0.from < $1.from }
        let first = sorted.last { $0.from <= from }
        return ([first].compactMap { $0 } + sorted.filter { $0.from > from && $0.from <= to })
    }

    /// The first year of the period the table does not know yet (nil: it knows them all).
    public func unknownYear(until to: LocalDate) -> Int? {
        guard let last = rates.map(\.from.year).max(), to.year > last else { return nil }
        return last + 1
    }
}
