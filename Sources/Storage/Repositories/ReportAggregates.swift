import Fluent
import SQLKit
import Foundation
import Reporting

/// The reports' stored sums (`report_quarters`, `report_days`, `report_months`), kept up to
/// date from the event stream: a day is worked out again, whole and in one transaction,
/// whenever one of its contacts changed state or got a survey answer. A contact belongs to the
/// day and quarter it arrived in, so it is counted once however late it ends. Each office's
/// rows are added up per voivodeship and for the country (`area`), which a report over a whole
/// voivodeship or the country reads instead.
public struct ReportAggregates: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public typealias Grain = ReportGrain

    /// What a report groups the sums by: office (or its voivodeship) and channel are kept with
    /// every row, topic, language and the answering consultant each in rows of their own.
    public enum Column: String, Sendable { case office = "office_id", voivodeship, channel, topic, language, agent, line }

    /// What to add up: an area, one channel, one consultant.
    public struct Filter: Sendable, Equatable {
        public var area: ReportArea
        public var channel: String?
        public var agent: String?
        public init(area: ReportArea, channel: String? = nil, agent: String? = nil) {
            self.area = area; self.channel = channel; self.agent = agent
        }
        /// Some offices (nil: the country).
        public init(offices: Set<String>? = nil, channel: String? = nil, agent: String? = nil) {
            self.init(area: offices.map { .offices($0) } ?? .country, channel: channel, agent: agent)
        }
    }

    /// The rows of one office, the sums of a voivodeship's offices, of the whole country.
    enum Level: String { case office, voivodeship, country }

    public struct Row: Sendable, Equatable {
        public let periodStart: Date
        /// The value of the grouping column (nil when not grouped).
        public let key: String?
        public let counts: ReportCounts
    }

    static let counts = M039_CreateReportAggregates.countColumns
    static let times = M040_AddReportAreas.timeColumns
    static let hours = M039_CreateReportAggregates.hourColumns
    /// Events read again before the watermark: a transaction that took its sequence number
    /// before another but committed after it is not missed.
    static let overlap: Int64 = 500

    // MARK: Keeping the sums

    /// Works out again every day that changed since the last run; returns how many. With
    /// `ifOlderThan`, only when the last run is that long ago (a page leaves it to the
    /// background job that runs every minute, unless that job has not run).
    @discardableResult
    public func refresh(targets: ServiceTargets, calendar: Calendar = ReportInterval.polishCalendar, ifOlderThan age: TimeInterval? = nil,
                        now: Date = Date()) async throws -> Int {
        if let age, let last = try await state("refreshed_at"), now.timeIntervalSince1970 * 1_000 - Double(last) < age * 1_000 { return 0 }
        let changed = try await refreshChanged(targets: targets, calendar: calendar)
        try await setState("refreshed_at", Int64(now.timeIntervalSince1970 * 1_000))
        return changed
    }

    func refreshChanged(targets: ServiceTargets, calendar: Calendar) async throws -> Int {
        let sql = db as! any SQLDatabase
        let seen = try await state("event_seq") ?? 0, surveysSeen = try await state("survey_at") ?? 0
        guard let maxRow = try await sql.raw("SELECT MAX(seq) AS m FROM cc_events").first(),
              !(try maxRow.decodeNil(column: "m")) else { return 0 }
        let maxSeq = try maxRow.decode(column: "m", as: Int64.self)
        let surveyCut = Date(timeIntervalSince1970: Double(surveysSeen) / 1_000)
        let newSurveys = try await sql.raw("""
            SELECT i.arrived_at, s.answered_at FROM cc_surveys s JOIN cc_interactions i ON i.id = s.interaction_id
            WHERE s.answered_at > \(bind: surveyCut)
            """).all()
        guard maxSeq > seen || !newSurveys.isEmpty else { return 0 }
        let changed = try await sql.raw("""
            SELECT DISTINCT i.arrived_at FROM cc_events e JOIN cc_interactions i ON i.id = e.interaction_id
            WHERE e.seq > \(bind: max(0, seen - Self.overlap)) AND e.seq <= \(bind: maxSeq)
            """).all()
        var days = Set<Date>()
        for row in changed { days.insert(calendar.startOfDay(for: try row.decode(column: "arrived_at", as: Date.self))) }
        var latestSurvey = surveysSeen
        for row in newSurveys {
            days.insert(calendar.startOfDay(for: try row.decode(column: "arrived_at", as: Date.self)))
            // Rounded up: the next run asks for answers after this one, not for it again.
            latestSurvey = max(latestSurvey, Int64((try row.decode(column: "answered_at", as: Date.self).timeIntervalSince1970 * 1_000).rounded(.up)))
        }
        try await recompute(days: days, targets: targets, calendar: calendar)
        try await setState("event_seq", maxSeq)
        try await setState("survey_at", latestSurvey)
        return days.count
    }

    /// Works out every day from `from` to `until` (after a change of targets, or a bulk load).
    public func rebuild(from: Date, until: Date, targets: ServiceTargets, calendar: Calendar = ReportInterval.polishCalendar) async throws {
        var days: [Date] = [], day = calendar.startOfDay(for: from)
        while day < until {
            days.append(day)
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        try await recompute(days: days, targets: targets, calendar: calendar)
        let sql = db as! any SQLDatabase
        if let m = try await sql.raw("SELECT MAX(seq) AS m FROM cc_events").first(), !(try m.decodeNil(column: "m")) {
            try await setState("event_seq", try m.decode(column: "m", as: Int64.self))
        }
        if let m = try await sql.raw("SELECT MAX(answered_at) AS m FROM cc_surveys").first(), !(try m.decodeNil(column: "m")) {
            try await setState("survey_at", Int64((try m.decode(column: "m", as: Date.self).timeIntervalSince1970 * 1_000).rounded(.up)))
        }
    }

    /// One day's quarters and day rows from its contacts, then its month from its days.
    public func recompute(day: Date, targets: ServiceTargets, calendar: Calendar = ReportInterval.polishCalendar) async throws {
        try await recompute(days: [day], targets: targets, calendar: calendar)
    }

    /// The days, then each of their months once: a month adds up all its days' rows, the
    /// dearest part of the work. (A month is read whole from its own rows or not at all, so
    /// between the two it is only late, never half-counted.)
    func recompute<S: Sequence<Date>>(days: S, targets: ServiceTargets, calendar: Calendar) async throws {
        var months = Set<Date>()
        for day in Set(days).sorted() {
            try await recomputeDay(day, targets: targets, calendar: calendar)
            months.insert(ReportInterval.month.start(of: day, in: calendar))
        }
        for month in months.sorted() { try await recomputeMonth(month, calendar: calendar) }
    }

    /// The quarters and the day's rows, in one transaction.
    func recomputeDay(_ dayStart: Date, targets: ServiceTargets, calendar: Calendar) async throws {
        let dayEnd = calendar.date(byAdding: .day, value: 1, to: dayStart)!
        let store = ContactCenterStore(db: db)
        let traces = try await store.traces(arrivedFrom: dayStart, until: dayEnd)
        let ratings = try await store.ratings(arrivedFrom: dayStart, until: dayEnd)
        let window = targets.fallback.repeatWindow
        let clients = Set(traces.compactMap(\.clientID))
        let earlier = clients.isEmpty ? [] : try await store.arrivals(ofClients: clients, from: dayStart.addingTimeInterval(-window), until: dayStart)
        let repeats = ContactMetrics.repeatContacts(traces, earlierArrivals: earlier, window: window)

        struct Key: Hashable { let office, channel, dimension, value: String }
        var quarters: [Date: [Key: [ContactTrace]]] = [:]
        var hourly: [Key: [Int]] = [:]
        for t in traces {
            let o = t.outcome
            let quarter = ReportInterval.quarterHour.start(of: o.arrived, in: calendar), hour = calendar.component(.hour, from: o.arrived)
            var keys = [Key(office: t.officeID, channel: t.channel, dimension: "", value: ""),
                        Key(office: t.officeID, channel: t.channel, dimension: Column.topic.rawValue, value: t.topic),
                        Key(office: t.officeID, channel: t.channel, dimension: Column.language.rawValue, value: t.language)]
            if let agent = o.agent { keys.append(Key(office: t.officeID, channel: t.channel, dimension: Column.agent.rawValue, value: agent)) }
            if let line = t.line { keys.append(Key(office: t.officeID, channel: t.channel, dimension: Column.line.rawValue, value: line)) }
            for key in keys {
                // Steps under a day are shown for all contacts or one consultant's; topic and
                // language breakdowns read the days.
                if key.dimension == "" || key.dimension == Column.agent.rawValue { quarters[quarter, default: [:]][key, default: []].append(t) }
                else { quarters[dayStart, default: [:]][key, default: []].append(t) }
                hourly[key, default: [Int](repeating: 0, count: 24)][hour] += 1
            }
        }
        var quarterRows: [(Date, Key, ReportCounts)] = []
        var dayCounts: [Key: ReportCounts] = [:]
        for (start, groups) in quarters {
            for (key, group) in groups {
                let c = ReportCounts(group, repeats: repeats, ratings: ratings, parameters: targets.parameters(for: key.channel))
                if key.dimension == "" || key.dimension == Column.agent.rawValue { quarterRows.append((start, key, c)) }
                dayCounts[key, default: ReportCounts()] += c
            }
        }
        let quarterValues = quarterRows.map { ($0.0, $0.1.office, $0.1.channel, $0.1.dimension, $0.1.value, $0.2, nil as [Int]?) }
        let dayValues = dayCounts.map { (dayStart, $0.key.office, $0.key.channel, $0.key.dimension, $0.key.value, $0.value, hourly[$0.key]) }
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            // Two servers refreshing the same day take turns instead of inserting twice.
            try await Self.lock(Int64(dayStart.timeIntervalSince1970), on: tx)
            try await sql.delete(from: Self.table(.quarter)).where("period_start", .greaterThanOrEqual, SQLBind(dayStart))
                .where("period_start", .lessThan, SQLBind(dayEnd)).run()
            try await Self.insert(into: .quarter, quarterValues, on: sql)
            try await Self.rollUp(.quarter, from: dayStart, until: dayEnd, on: sql)
            try await sql.delete(from: Self.table(.day)).where("period_start", .equal, SQLBind(dayStart)).run()
            try await Self.insert(into: .day, dayValues, on: sql)
            try await Self.rollUp(.day, from: dayStart, until: dayEnd, on: sql)
        }
    }

    /// A month's rows from its days' rows, in one transaction.
    func recomputeMonth(_ monthStart: Date, calendar: Calendar) async throws {
        let monthEnd = calendar.date(byAdding: .month, value: 1, to: monthStart)!
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await Self.lock(-Int64(monthStart.timeIntervalSince1970), on: tx)
            try await sql.delete(from: Self.table(.month)).where("period_start", .equal, SQLBind(monthStart)).run()
            let keys = M040_AddReportAreas.keyColumns.dropFirst().joined(separator: ", ")
            try await sql.raw("""
                INSERT INTO report_months (period_start, \(unsafeRaw: keys), \(unsafeRaw: Self.summedColumns(hours: true)))
                SELECT \(bind: monthStart), \(unsafeRaw: keys), \(unsafeRaw: Self.sums(hours: true, of: "")) FROM report_days
                WHERE period_start >= \(bind: monthStart) AND period_start < \(bind: monthEnd) GROUP BY \(unsafeRaw: keys)
                """).run()
        }
    }

    /// On PostgreSQL, waits for other servers working on the same day (`key` its start) or month (minus its start).
    static func lock(_ key: Int64, on db: any Database) async throws {
        guard SearchIndex.dialect(db) == .postgres else { return }
        try await (db as! any SQLDatabase).raw("SELECT pg_advisory_xact_lock(\(bind: key))").run()
    }

    /// The columns that add up (`longest_wait` last: it is the greatest, not the sum) and their sums over `prefix`'s rows.
    static func summedColumns(hours: Bool, times: [String] = times) -> String {
        (counts + times.filter { $0 != "longest_wait" } + (hours ? Self.hours : []) + ["longest_wait"]).joined(separator: ", ")
    }
    static func sums(hours: Bool, of prefix: String, times: [String] = times) -> String {
        (counts + times.filter { $0 != "longest_wait" } + (hours ? Self.hours : [])).map { "SUM(\(prefix)\($0))" }.joined(separator: ", ")
            + ", MAX(\(prefix)longest_wait)"
    }

    /// Adds the offices' rows of `from ..< until` (nil: all) up per voivodeship and for the
    /// country; consultants' rows are not (a consultant's figures are read from their office's).
    /// Contacts of an office the directory no longer has count for the country only. `times`:
    /// the time columns of the tables as they are (a migration names those of its own time).
    static func rollUp(_ grain: Grain, from: Date? = nil, until: Date? = nil, times: [String] = times, on sql: any SQLDatabase) async throws {
        let table = table(grain), hours = grain != .quarter
        var range: SQLQueryString = ""
        if let from { range = range + " AND r.period_start >= \(bind: from)" }
        if let until { range = range + " AND r.period_start < \(bind: until)" }
        let columns = summedColumns(hours: hours, times: times), sums = sums(hours: hours, of: "r.", times: times)
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: table) (period_start, area, office_id, channel, dimension, value, \(unsafeRaw: columns))
            SELECT r.period_start, 'voivodeship', o.voivodeship_code, r.channel, r.dimension, r.value, \(unsafeRaw: sums)
            FROM \(unsafeRaw: table) r JOIN offices o ON o.id = r.office_id WHERE r.area = 'office' AND r.dimension <> 'agent'
            """ + range + " GROUP BY r.period_start, o.voivodeship_code, r.channel, r.dimension, r.value").run()
        try await sql.raw("""
            INSERT INTO \(unsafeRaw: table) (period_start, area, office_id, channel, dimension, value, \(unsafeRaw: columns))
            SELECT r.period_start, 'country', '', r.channel, r.dimension, r.value, \(unsafeRaw: sums)
            FROM \(unsafeRaw: table) r WHERE r.area = 'office' AND r.dimension <> 'agent'
            """ + range + " GROUP BY r.period_start, r.channel, r.dimension, r.value").run()
    }

    static func table(_ grain: Grain) -> String {
        switch grain { case .quarter: "report_quarters"; case .day: "report_days"; case .month: "report_months" }
    }

    /// Multi-row inserts with the numbers written into the statement (they are numbers this
    /// code formatted, never input) and the names bound: binding every figure costs more than
    /// the rest of the day's work.
    static func insert(into grain: Grain, _ rows: [(Date, String, String, String, String, ReportCounts, [Int]?)], on sql: any SQLDatabase) async throws {
        let withHours = grain != .quarter
        let columns = (M040_AddReportAreas.keyColumns + counts + times + (withHours ? hours : [])).joined(separator: ", ")
        for start in stride(from: 0, to: rows.count, by: 500) {
            var tuples: [SQLQueryString] = []
            for r in rows[start..<min(start + 500, rows.count)] {
                let c = r.5
                var numbers = [c.offered, c.answered, c.answeredWithinT, c.abandoned, c.abandonedAfterT, c.shortAbandons, c.expired, c.transferred,
                               c.withKnownClient, c.repeats, c.ratings, c.ratingSum, c.satisfied].map { String($0) }
                numbers += [c.totalWait, c.totalHandle, c.longestWait, c.abandonedWait].map { $0.isFinite ? "\($0)" : "0" }
                if withHours { numbers += (r.6 ?? [Int](repeating: 0, count: 24)).map { String($0) } }
                tuples.append("(\(bind: r.0), 'office', \(bind: r.1), \(bind: r.2), \(bind: r.3), \(bind: r.4), \(unsafeRaw: numbers.joined(separator: ", ")))")
            }
            try await sql.raw("INSERT INTO \(unsafeRaw: table(grain)) (\(unsafeRaw: columns)) VALUES " + tuples.joined(separator: ", ")).run()
        }
    }

    func state(_ name: String) async throws -> Int64? {
        try await (db as! any SQLDatabase).select().column("value").from("report_state").where("name", .equal, SQLBind(name)).first()?
            .decode(column: "value", as: Int64.self)
    }

    func setState(_ name: String, _ value: Int64) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO report_state (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """).run()
    }

    // MARK: Reading the sums

    /// The sums of `grain` rows starting in `from ..< until` that pass `filter`, per period
    /// start and, when `by` is given, per value of that column.
    public func sums(_ grain: Grain, from: Date, until: Date, filter: Filter = Filter(), by column: Column? = nil) async throws -> [Row] {
        if case .offices(let offices) = filter.area, offices.isEmpty { return [] }
        let total = (Self.counts + Self.times.filter { $0 != "longest_wait" }).map { c in
            Self.counts.contains(c) ? "CAST(SUM(r.\(c)) AS BIGINT) AS \(c)" : "SUM(r.\(c)) AS \(c)"
        }.joined(separator: ", ") + ", MAX(r.longest_wait) AS longest_wait"
        let rows = Self.rows(filter, by: column)
        let group = "r.period_start" + (rows.key.map { ", " + $0 } ?? "")
        var query: SQLQueryString = """
            SELECT r.period_start AS period_start\(unsafeRaw: rows.key.map { ", \($0) AS group_key" } ?? ""), \(unsafeRaw: total)
            FROM \(unsafeRaw: Self.table(grain)) r\(unsafeRaw: rows.join) WHERE r.period_start >= \(bind: from) AND r.period_start < \(bind: until)
            """
        query = query + rows.conditions + " GROUP BY \(unsafeRaw: group)"
        return try await (db as! any SQLDatabase).raw(query).all().map { row in
            var c = ReportCounts()
            func n(_ name: String) throws -> Int { Int(try row.decode(column: name, as: Int64.self)) }
            c.offered = try n("offered"); c.answered = try n("answered"); c.answeredWithinT = try n("answered_within_t")
            c.abandoned = try n("abandoned"); c.abandonedAfterT = try n("abandoned_after_t"); c.shortAbandons = try n("short_abandons")
            c.expired = try n("expired"); c.transferred = try n("transferred"); c.withKnownClient = try n("known_clients")
            c.repeats = try n("repeats"); c.ratings = try n("ratings"); c.ratingSum = try n("rating_sum"); c.satisfied = try n("satisfied")
            c.totalWait = try row.decode(column: "total_wait", as: Double.self); c.totalHandle = try row.decode(column: "total_handle", as: Double.self)
            c.longestWait = try row.decode(column: "longest_wait", as: Double.self)
            c.abandonedWait = try row.decode(column: "abandoned_wait", as: Double.self)
            return Row(periodStart: try row.decode(column: "period_start", as: Date.self),
                       key: rows.key == nil ? nil : try row.decode(column: "group_key", as: String.self), counts: c)
        }
    }

    /// Each office's observed handle time per channel over the last `days` days: how fast its
    /// queue moves, for the router's prediction (one query per channel, however many offices).
    public func recentHandleTimes(channels: [String], now: Date, days: Int = 7,
                                  calendar: Calendar = ReportInterval.polishCalendar) async throws -> [String: [String: TimeInterval]] {
        let from = calendar.date(byAdding: .day, value: -days, to: calendar.startOfDay(for: now))!
        var times: [String: [String: TimeInterval]] = [:]
        for channel in channels {
            var byOffice: [String: ReportCounts] = [:]
            for row in try await sums(.day, from: from, until: now, filter: Filter(channel: channel), by: .office) {
                guard let office = row.key else { continue }
                byOffice[office] = byOffice[office, default: ReportCounts()] + row.counts
            }
            for (office, counts) in byOffice {
                if let aht = ContactMetrics(counts: counts).averageHandleTime { times[office, default: [:]][channel] = aht }
            }
        }
        return times
    }

    /// Arrivals per day and hour of the day (local) of days starting in `from ..< until`.
    public func arrivalsByHour(from: Date, until: Date, filter: Filter = Filter()) async throws -> [(day: Date, hours: [Int])] {
        if case .offices(let offices) = filter.area, offices.isEmpty { return [] }
        let sums = Self.hours.map { "CAST(SUM(r.\($0)) AS BIGINT) AS \($0)" }.joined(separator: ", ")
        let rows = Self.rows(filter, by: nil)
        var query: SQLQueryString = "SELECT r.period_start AS period_start, \(unsafeRaw: sums) FROM report_days r WHERE r.period_start >= \(bind: from) AND r.period_start < \(bind: until)"
        query = query + rows.conditions + " GROUP BY r.period_start"
        return try await (db as! any SQLDatabase).raw(query).all().map { row in
            (try row.decode(column: "period_start", as: Date.self), try Self.hours.map { Int(try row.decode(column: $0, as: Int64.self)) })
        }
    }

    /// Which rows give `filter` grouped `by`, and the grouping key's expression. The breakdown:
    /// all contacts (`dimension` ''), or a consultant's own, or the topic, language or
    /// consultant rows when grouping by them (a consultant's own figures cannot be broken down
    /// by topic or language: those rows are not per consultant). The level: an office's rows
    /// when grouping by office or consultant or reading a consultant's own, else the sums of
    /// the area — a voivodeship's when grouping a country by voivodeship.
    static func rows(_ filter: Filter, by column: Column?) -> (join: String, conditions: SQLQueryString, key: String?) {
        var q: SQLQueryString
        switch column {
        case .topic?, .language?, .agent?, .line?:
            q = " AND r.dimension = \(bind: column!.rawValue)"
            if let agent = filter.agent { q = q + (column == .agent ? " AND r.value = \(bind: agent)" : " AND 1 = 0") }
        default:
            q = filter.agent.map { " AND r.dimension = 'agent' AND r.value = \(bind: $0)" } ?? " AND r.dimension = ''"
        }
        if let channel = filter.channel { q = q + " AND r.channel = \(bind: channel)" }
        let level: Level = if column == .office || column == .agent || filter.agent != nil { .office } else {
            switch filter.area {
            case .country: column == .voivodeship ? .voivodeship : .country
            case .voivodeships: .voivodeship
            case .offices: .office
            }
        }
        q = q + " AND r.area = \(bind: level.rawValue)"
        func list(_ values: Set<String>) -> SQLQueryString { values.sorted().map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ") }
        switch (filter.area, level) {
        case (.country, _): break
        case (.voivodeships(let codes), .office): q = q + " AND r.office_id IN (SELECT id FROM offices WHERE voivodeship_code IN (" + list(codes) + "))"
        case (.voivodeships(let codes), _): q = q + " AND r.office_id IN (" + list(codes) + ")"
        case (.offices(let ids), _): q = q + " AND r.office_id IN (" + list(ids) + ")"
        }
        let key: String? = switch column {
        case .office?: "r.office_id"
        case .voivodeship?: level == .office ? "o.voivodeship_code" : "r.office_id"
        case .channel?: "r.channel"
        case .topic?, .language?, .agent?, .line?: "r.value"
        case nil: nil
        }
        return (column == .voivodeship && level == .office ? " JOIN offices o ON o.id = r.office_id" : "", q, key)
    }
}
