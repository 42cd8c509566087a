import Foundation
import Reporting

/// The figures a report's tables, CSV and JSON show, in one order: each with its catalogue
/// name (`metric.<id>`), its value for a spreadsheet and for the page.
struct ReportColumn: Sendable {
    enum Value { case count(Int), share(Double?), seconds(Double?), decimal(Double?) }

    let metric: Metric?
    let id: String
    let value: @Sendable (ContactMetrics) -> Value

    static let all: [ReportColumn] = [
        .init(metric: .offered, id: "offered") { .count($0.offered) },
        .init(metric: .answered, id: "answered") { .count($0.answered) },
        .init(metric: .abandoned, id: "abandoned") { .count($0.abandoned) },
        .init(metric: .shortAbandons, id: "short_abandons") { .count($0.shortAbandons) },
        .init(metric: .serviceLevel, id: "service_level") { .share($0.serviceLevel) },
        .init(metric: .serviceLevelOfAnswered, id: "service_level_of_answered") { .share($0.serviceLevelOfAnswered) },
        .init(metric: nil, id: "abandonment_rate") { .share($0.abandonmentRate) },
        .init(metric: .averageSpeedOfAnswer, id: "asa") { .seconds($0.averageSpeedOfAnswer) },
        .init(metric: .averageHandleTime, id: "aht") { .seconds($0.averageHandleTime) },
        .init(metric: .longestWait, id: "longest_wait") { .seconds($0.offered == 0 ? nil : $0.longestWait) },
        .init(metric: .transferRate, id: "transfer_rate") { .share($0.transferRate) },
        .init(metric: .firstContactResolution, id: "fcr") { .share($0.firstContactResolution) },
        .init(metric: .satisfaction, id: "csat") { .decimal($0.counts.satisfaction.average) },
        .init(metric: .satisfiedShare, id: "csat_satisfied") { .share($0.counts.satisfaction.satisfiedShare) },
    ]

    func text(_ m: ContactMetrics, _ f: ReportFormat) -> String {
        switch value(m) {
        case .count(let n): "\(n)"
        case .share(let v): f.share(v)
        case .seconds(let v): f.seconds(v)
        case .decimal(let v): f.decimal(v, places: 2)
        }
    }

    func csv(_ m: ContactMetrics) -> ReportCSV.Value {
        switch value(m) {
        case .count(let n): .integer(n)
        case .share(let v): v.map { .decimal($0, places: 4) } ?? .none
        case .seconds(let v): v.map { .decimal($0, places: 1) } ?? .none
        case .decimal(let v): v.map { .decimal($0, places: 2) } ?? .none
        }
    }

    /// JSON: counts as integers, shares as fractions, times in seconds, missing as null.
    func json(_ m: ContactMetrics) -> Double? {
        switch value(m) {
        case .count(let n): Double(n)
        case .share(let v), .seconds(let v), .decimal(let v): v.map { ($0 * 10_000).rounded() / 10_000 }
        }
    }
}
