import Foundation

/// The sums every figure of a report is computed from. They add up: the figures of a month are
/// those of its days added, so reports read stored 15-minute, daily and monthly sums instead of
/// every contact (`ContactMetrics(counts:)` turns them back into rates).
public struct ReportCounts: Sendable, Equatable, Codable {
    public var offered = 0
    public var answered = 0
    public var answeredWithinT = 0
    public var abandoned = 0
    public var abandonedAfterT = 0
    public var shortAbandons = 0
    public var expired = 0
    public var transferred = 0
    public var totalWait: Double = 0
    public var totalHandle: Double = 0
    public var longestWait: Double = 0
    /// The waits of those who hung up, short abandons too: with the answered ones' waits, the
    /// time callers were seen waiting, which the patience is estimated from.
    public var abandonedWait: Double = 0
    public var withKnownClient = 0
    public var repeats = 0
    public var ratings = 0
    public var ratingSum = 0
    public var satisfied = 0

    public init() {}

    /// The counts of `contacts` with `parameters` (T and the short-abandon threshold of their
    /// queue); `repeats` as `ContactMetrics.repeatContacts` gives them, `ratings` the survey
    /// answer per contact.
    public init(_ contacts: [ContactTrace], repeats: Set<UUID>, ratings: [UUID: Int] = [:], parameters: ContactMetrics.Parameters) {
        for t in contacts {
            let o = t.outcome
            offered += 1
            switch o.end {
            case .answered:
                answered += 1
                if (o.wait ?? .infinity) <= parameters.answerWithin { answeredWithinT += 1 }
                if o.transferred { transferred += 1 }
                totalWait += o.wait ?? 0
                totalHandle += o.handleTime
            case .abandoned:
                let wait = o.wait ?? 0
                abandonedWait += wait
                if wait < parameters.shortAbandon { shortAbandons += 1 } else { abandoned += 1 }
                if wait > parameters.answerWithin { abandonedAfterT += 1 }
            case .expired: expired += 1
            case .open: break
            }
            if let w = o.wait { longestWait = max(longestWait, w) }
            if t.clientID != nil {
                withKnownClient += 1
                if repeats.contains(t.id) { self.repeats += 1 }
            }
            if let r = ratings[t.id], (1...5).contains(r) {
                self.ratings += 1; ratingSum += r
                if r >= 4 { satisfied += 1 }
            }
        }
    }

    public static func + (a: ReportCounts, b: ReportCounts) -> ReportCounts {
        var s = a
        s += b
        return s
    }

    public static func += (a: inout ReportCounts, b: ReportCounts) {
        a.offered += b.offered; a.answered += b.answered; a.answeredWithinT += b.answeredWithinT; a.abandoned += b.abandoned
        a.abandonedAfterT += b.abandonedAfterT; a.shortAbandons += b.shortAbandons; a.expired += b.expired; a.transferred += b.transferred
        a.totalWait += b.totalWait; a.totalHandle += b.totalHandle; a.longestWait = max(a.longestWait, b.longestWait)
        a.abandonedWait += b.abandonedWait
        a.withKnownClient += b.withKnownClient; a.repeats += b.repeats; a.ratings += b.ratings; a.ratingSum += b.ratingSum
        a.satisfied += b.satisfied
    }

    public var satisfaction: Satisfaction { Satisfaction(answers: ratings, sum: ratingSum, satisfied: satisfied) }
}

/// T, target and the short-abandon threshold per channel: a call answered in 20 seconds and an
/// e-mail answered the same working day are both "on time". `REPORT_TARGETS` overrides them.
public struct ServiceTargets: Sendable, Equatable {
    public var byChannel: [String: ContactMetrics.Parameters]
    public var fallback: ContactMetrics.Parameters

    public static let standard = ServiceTargets(byChannel: [
        "voice": .init(answerWithin: 20, target: 0.8),
        "video": .init(answerWithin: 60, target: 0.8),
        "chat": .init(answerWithin: 60, target: 0.8),
        "callback": .init(answerWithin: 4 * 3_600, target: 0.9, shortAbandon: 0),
        "email": .init(answerWithin: 8 * 3_600, target: 0.9, shortAbandon: 0),
        "web_form": .init(answerWithin: 8 * 3_600, target: 0.9, shortAbandon: 0),
        "sms": .init(answerWithin: 8 * 3_600, target: 0.9, shortAbandon: 0),
    ], fallback: .init())

    public init(byChannel: [String: ContactMetrics.Parameters], fallback: ContactMetrics.Parameters) {
        self.byChannel = byChannel; self.fallback = fallback
    }

    public func parameters(for channel: String) -> ContactMetrics.Parameters { byChannel[channel] ?? fallback }

    /// `voice=20:0.8,chat=45:0.85` over the standard ones; nil when a part cannot be read
    /// (a channel, seconds above zero, a target between 0 and 1).
    public static func parse(_ text: String, over base: ServiceTargets = .standard) -> ServiceTargets? {
        var out = base
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { return nil }
            let values = kv[1].split(separator: ":").map(String.init)
            guard values.count == 2, let seconds = Double(values[0]), seconds > 0, seconds.isFinite,
                  let target = Double(values[1]), target > 0, target <= 1 else { return nil }
            var p = out.parameters(for: kv[0])
            p.answerWithin = seconds; p.target = target
            out.byChannel[kv[0]] = p
        }
        return out
    }
}
