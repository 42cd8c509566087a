import Testing
import Foundation
import ContactCenter
import Reporting
import SQLKit
@testable import Storage

/// The stored sums agree with the figures computed from the contacts themselves, follow the
/// event stream (a contact counted once however often it changes) and add up from quarters
/// to days to months, on both databases.
@Suite struct ReportAggregatesTests {
    static let calendar = ReportInterval.polishCalendar
    /// 2027-03-10 09:00 in Warsaw.
    static let t0 = calendar.date(from: DateComponents(year: 2027, month: 3, day: 10, hour: 9))!
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    static func contact(_ office: String, _ channel: Channel, _ queued: Double, client: UUID? = nil) -> Interaction {
        Interaction(channel: channel, clientID: client, language: "pl", topic: "registration", officeID: office, voivodeshipCode: "10", queuedAt: at(queued))
    }

    static func answer(_ store: ContactCenterStore, _ id: UUID, agent: String, at s: Double, talk: Double) async throws {
        try await store.move(id, to: .offered, agent: agent, now: at(s))
        try await store.move(id, to: .connected, agent: agent, now: at(s))
        try await store.move(id, to: .wrapUp, agent: agent, now: at(s + talk))
        try await store.move(id, to: .closed, agent: agent, now: at(s + talk + 30))
    }

    @Test func storedSumsMatchTheContactsAndFollowTheirChanges() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db), sums = ReportAggregates(db: db)
            let targets = ServiceTargets.standard
            let client = UUID()
            let quick = try await store.enqueue(Self.contact("pup-1061", .voice, 0, client: client), now: Self.at(0))
            try await Self.answer(store, quick.id, agent: "a1", at: 10, talk: 100)
            let slow = try await store.enqueue(Self.contact("pup-1061", .voice, 1_000, client: client), now: Self.at(1_000))
            try await Self.answer(store, slow.id, agent: "a2", at: 1_060, talk: 200)
            let gaveUp = try await store.enqueue(Self.contact("pup-1061", .voice, 1_100), now: Self.at(1_100))
            try await store.move(gaveUp.id, to: .abandoned, now: Self.at(1_140))
            let mail = try await store.enqueue(Self.contact("pup-2002", .email, 90_000), now: Self.at(90_000))   // the next day
            let waiting = try await store.enqueue(Self.contact("pup-1061", .chat, 2_000), now: Self.at(2_000))
            try await SurveyStore(db: db).create(interaction: quick.id, tokenHash: "h1", language: "pl", now: Self.at(200))
            let survey = try #require(try await SurveyStore(db: db).find(tokenHash: "h1", now: Self.at(300)))
            try await SurveyStore(db: db).answer(survey.id, rating: 5, comment: nil, now: Self.at(300))

            #expect(try await sums.refresh(targets: targets, calendar: Self.calendar) == 2)
            #expect(try await sums.refresh(targets: targets, calendar: Self.calendar) == 0)   // nothing new

            let day = Self.calendar.startOfDay(for: Self.t0), nextDay = Self.calendar.date(byAdding: .day, value: 1, to: day)!
            let traces = try await store.traces(arrivedFrom: day, until: nextDay)
            let direct = ReportCounts(traces.filter { $0.channel == "voice" }, repeats: [slow.id], ratings: [quick.id: 5],
                                      parameters: targets.parameters(for: "voice"))
            let voice = try await sums.sums(.quarter, from: day, until: nextDay, filter: .init(channel: "voice"))
            #expect(voice.reduce(ReportCounts()) { $0 + $1.counts } == direct)
            #expect(direct.offered == 3 && direct.answered == 2 && direct.answeredWithinT == 1 && direct.abandoned == 1)
            #expect(direct.repeats == 1 && direct.ratings == 1 && direct.totalHandle == 100 + 30 + 200 + 30)
            // Quarters: 09:00 has the quick call, 09:15 the slow one and the abandoned one.
            #expect(voice.count == 2)

            // The waiting chat ends later: its day is worked out again and it is still one contact.
            try await Self.answer(store, waiting.id, agent: "a1", at: 2_030, talk: 60)
            // (Recent events are read again in case one committed late, so both days may be redone.)
            #expect(try await sums.refresh(targets: targets, calendar: Self.calendar) >= 1)
            let chat = try await sums.sums(.day, from: day, until: nextDay, filter: .init(channel: "chat"))
            #expect(chat.count == 1 && chat[0].counts.offered == 1 && chat[0].counts.answered == 1 && chat[0].counts.answeredWithinT == 1)

            // Days add up to the month, and by consultant and office.
            let month = ReportInterval.month.start(of: day, in: Self.calendar)
            let monthEnd = Self.calendar.date(byAdding: .month, value: 1, to: month)!
            let monthly = try await sums.sums(.month, from: month, until: monthEnd)
            let daily = try await sums.sums(.day, from: month, until: monthEnd)
            #expect(monthly.count == 1 && monthly[0].counts == daily.reduce(ReportCounts()) { $0 + $1.counts })
            #expect(monthly[0].counts.offered == 5)
            let byAgent = try await sums.sums(.month, from: month, until: monthEnd, by: .agent)
            #expect(Dictionary(uniqueKeysWithValues: byAgent.map { ($0.key!, $0.counts.offered) }) == ["a1": 2, "a2": 1])
            let byTopic = try await sums.sums(.day, from: month, until: monthEnd, by: .topic)
            #expect(byTopic.reduce(0) { $0 + $1.counts.offered } == 5 && Set(byTopic.map(\.key)) == ["registration"])
            // A consultant's own figures: their answered contacts only, not broken down by topic.
            let own = try await sums.sums(.quarter, from: day, until: nextDay, filter: .init(agent: "a2"))
            #expect(own.map(\.counts.answered) == [1])
            #expect(try await sums.sums(.day, from: day, until: nextDay, filter: .init(agent: "a2"), by: .topic).isEmpty)
            let officeTwo = try await sums.sums(.day, from: month, until: monthEnd, filter: .init(offices: ["pup-2002"]))
            #expect(officeTwo.map(\.counts.offered) == [1] && officeTwo[0].periodStart == nextDay)
            #expect(try await sums.sums(.day, from: month, until: monthEnd, filter: .init(offices: [])).isEmpty)

            let heat = try await sums.arrivalsByHour(from: day, until: nextDay)
            #expect(heat.count == 1 && heat[0].hours[9] == 4 && heat[0].hours.reduce(0, +) == 4)
            _ = mail
        }
    }

    /// What a report reads, keyed so that two reads can be compared: period, key, counts.
    static func keyed(_ rows: [ReportAggregates.Row]) -> [String: ReportCounts] {
        Dictionary(rows.map { ("\($0.periodStart.timeIntervalSince1970)|\($0.key ?? "-")", $0.counts) }, uniquingKeysWith: +)
    }

    /// The sums kept per voivodeship and for the country give what adding up their offices'
    /// rows gives, for every grain and breakdown, after a refresh and after M040 made them
    /// from rows kept before it.
    @Test func voivodeshipAndCountrySumsAreTheirOfficesAddedUp() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db), sums = ReportAggregates(db: db), targets = ServiceTargets.standard
            let sql = db as! any SQLDatabase
            let offices = try await sql.raw("SELECT id, voivodeship_code FROM offices").all().map {
                (try $0.decode(column: "id", as: String.self), try $0.decode(column: "voivodeship_code", as: String.self))
            }
            let lodzkie = Set(offices.filter { $0.1 == "10" }.map(\.0)), all = Set(offices.map(\.0))
            let second = try #require(lodzkie.sorted().first { $0 != "pup-1061" })
            var n = 0.0
            for (office, channel, language) in [("pup-1061", Channel.voice, "pl"), (second, .chat, "uk"), ("pup-2002", .voice, "en"), ("pup-1061", .email, "ru")] {
                for k in 0..<3 {
                    n += 1
                    var c = Self.contact(office, channel, n * 700)
                    c.language = language; c.topic = k == 0 ? "registration" : "offers"
                    let i = try await store.enqueue(c, now: Self.at(n * 700))
                    if k < 2 { try await Self.answer(store, i.id, agent: office + "-agent", at: n * 700 + 15 * Double(k + 1), talk: 90) }
                    else { try await store.move(i.id, to: .abandoned, now: Self.at(n * 700 + 40)) }
                }
            }
            #expect(try await sums.refresh(targets: targets, calendar: Self.calendar) == 1)
            let day = Self.calendar.startOfDay(for: Self.t0)
            let month = ReportInterval.month.start(of: day, in: Self.calendar)
            let monthEnd = Self.calendar.date(byAdding: .month, value: 1, to: month)!

            func compare(_ label: String) async throws {
                for grain in ReportGrain.allCases {
                    for column in [nil, .channel, .topic, .language, .office, .voivodeship] as [ReportAggregates.Column?] {
                        let country = Self.keyed(try await sums.sums(grain, from: month, until: monthEnd, filter: .init(area: .country), by: column))
                        let everyOffice = Self.keyed(try await sums.sums(grain, from: month, until: monthEnd, filter: .init(area: .offices(all)), by: column))
                        #expect(country == everyOffice, "\(label) \(grain) by \(column?.rawValue ?? "-")")
                        let voivodeship = Self.keyed(try await sums.sums(grain, from: month, until: monthEnd, filter: .init(area: .voivodeships(["10"]), channel: "voice"), by: column))
                        let itsOffices = Self.keyed(try await sums.sums(grain, from: month, until: monthEnd, filter: .init(area: .offices(lodzkie), channel: "voice"), by: column))
                        // (Topic and language are kept per day, not per quarter.)
                        let kept = grain != .quarter || column != .topic && column != .language
                        #expect(voivodeship == itsOffices && voivodeship.isEmpty != kept, "\(label) \(grain) by \(column?.rawValue ?? "-")")
                    }
                }
                let total = try await sums.sums(.month, from: month, until: monthEnd, filter: .init(area: .country)).reduce(ReportCounts()) { $0 + $1.counts }
                #expect(total.offered == 12 && total.answered == 8 && total.abandoned == 4, "\(label)")
                let byVoivodeship = try await sums.sums(.day, from: month, until: monthEnd, filter: .init(area: .country), by: .voivodeship)
                #expect(Dictionary(uniqueKeysWithValues: byVoivodeship.map { ($0.key!, $0.counts.offered) }) == ["10": 9, "20": 3], "\(label)")
                // A consultant's own figures come from their office's rows whatever the area.
                let own = try await sums.sums(.quarter, from: month, until: monthEnd, filter: .init(area: .country, agent: "pup-2002-agent"))
                #expect(own.reduce(0) { $0 + $1.counts.answered } == 2, "\(label)")
                let heat = try await sums.arrivalsByHour(from: month, until: monthEnd, filter: .init(area: .voivodeships(["20"])))
                #expect(heat.reduce(0) { $0 + $1.hours.reduce(0, +) } == 3, "\(label)")
            }
            try await compare("refreshed")
            // Rows kept before areas existed are carried over and added up by the migration.
            try await M040_AddReportAreas().revert(on: db)
            let kept = try await sql.raw("SELECT COUNT(*) AS n FROM report_days").first()!.decode(column: "n", as: Int.self)
            try await M040_AddReportAreas().prepare(on: db)
            let offices_ = try await sql.raw("SELECT COUNT(*) AS n FROM report_days WHERE area = 'office'").first()!.decode(column: "n", as: Int.self)
            #expect(kept == offices_ && kept > 0)
            try await compare("migrated")
        }
    }
}
