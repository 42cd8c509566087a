import Vapor
import Fluent
import SQLKit
import Storage
import Privacy
import Localization

/// `zielona bench privacy [--contacts 1000] [--interactions 1000000]`: a benchmark, not a test.
/// 1. A person with `--contacts` contacts (web forms and chats of five lines): how long their
///    copy takes to collect and to zip.
/// 2. `--interactions` contacts (chats of one line and web forms) older than the contact centre's retention: how long retention
///    takes to anonymise them in its batches, and the latency of the routing pass's read of the
///    open interactions at rest and while retention runs (it must not stall routing).
struct PrivacyBenchmark {
    let context: CommandContext
    let contacts: Int
    let interactions: Int

    var app: Application { context.application }
    var sql: any SQLDatabase { app.db as! any SQLDatabase }

    func run() async throws {
        try await DatabasePreparation.prepare(app, demo: false)
        context.console.print("database: \(DatabaseSetup.kind(of: app.services.config.databaseURL).rawValue)")
        try await export()
        try await retention()
    }

    func insertContacts(_ n: Int, client: UUID?, email: String, at: Date, chatLines: Int = 5) async throws -> [UUID] {
        var ids: [UUID] = []
        for start in stride(from: 0, to: n, by: 500) {
            var rows: [SQLQueryString] = [], lines: [SQLQueryString] = []
            for i in start..<min(start + 500, n) {
                let id = UUID(); ids.append(id)
                let channel = i % 2 == 0 ? "web_form" : "chat"
                let context = "{\"v\":2,\"email\":\"\(email)\",\"name\":\"Bench Person\",\"powiat\":\"2061\",\"message\":\"Pytanie numer \(i) o zasiłek i szkolenia.\"}"
                rows.append("""
                    (\(bind: id), \(bind: channel), \(bind: client), 'pl', 'benefits', 'pup-2002', '20', 'closed', 0, \(bind: at), 'none', \(bind: context), 1, \(bind: at), \(bind: at), \(bind: false))
                    """)
                if channel == "chat" {
                    for k in 0..<chatLines { lines.append("(\(bind: id), \(bind: k % 2 == 0 ? "visitor" : "agent"), \(bind: "Linia \(k) rozmowy \(i)"), \(bind: at))") }
                }
            }
            try await sql.raw("""
                INSERT INTO cc_interactions (id, channel, client_id, language, topic, office_id, voivodeship_code, state, priority, queued_at, passed_by,
                context, version, created_at, arrived_at, manual) VALUES
                """ + rows.joined(separator: ", ")).run()
            if !lines.isEmpty {
                try await sql.raw("INSERT INTO cc_chat_lines (interaction_id, author, body, \(ident: "at")) VALUES " + lines.joined(separator: ", ")).run()
            }
        }
        return ids
    }

    func export() async throws {
        let email = "bench.export.\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let account = UUID(), now = Date()
        try await sql.raw("""
            INSERT INTO accounts (id, kind, email, password_hash, language, created_at, updated_at, session_epoch)
            VALUES (\(bind: account), 'seeker', \(bind: email), 'x', 'pl', \(bind: now), \(bind: now), 0)
            """).run()
        let client = UUID()
        try await sql.raw("""
            INSERT INTO clients (id, client_number, kind, first_name, last_name, account_id, office_id, created_at)
            VALUES (\(bind: client), \(bind: "B" + String(client.uuidString.prefix(8))), 'seeker', 'Bench', 'Person', \(bind: account), 'pup-2002', \(bind: now))
            """).run()
        _ = try await insertContacts(contacts, client: client, email: email, at: now)
        let start = Date()
        let contents = try await PersonalDataExport(db: app.db).collect(account: account)
        let collected = Date()
        let zip = try DataExportBuilder(db: app.db, publicURL: app.services.config.publicURL, cipher: app.services.cipher).zip(contents, language: .pl, now: now)
        let done = Date()
        context.console.print(String(format: "export: contacts=%d collect_s=%.3f zip_s=%.3f total_s=%.3f zip_bytes=%d files=%d",
                                     contacts, collected.timeIntervalSince(start), done.timeIntervalSince(collected), done.timeIntervalSince(start),
                                     zip.count, contents.files.count))
    }

    /// p50 and p99 of the routing pass's read while `during` runs (nil: at rest, for 3 s).
    func probe(during work: (@Sendable () async throws -> Void)?) async throws -> (p50: Double, p99: Double, n: Int) {
        let db = app.db, box = ReportBox()
        let task = work.map { w in Task { defer { Task { await box.finish() } }; try await w() } }
        var samples: [Double] = []
        let until = Date().addingTimeInterval(3)
        while true {
            let t = Date()
            _ = try await ContactCenterStore(db: db).open()
            samples.append(Date().timeIntervalSince(t) * 1000)
            if task != nil { if await box.done { break } } else if Date() > until { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        if let task { try await task.value }
        samples.sort()
        func q(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        return (q(0.5), q(0.99), samples.count)
    }

    func retention() async throws {
        let old = Retention.contactCentre.cutoff(now: Date()).addingTimeInterval(-86_400)
        let seedStart = Date()
        _ = try await insertContacts(interactions, client: nil, email: "bench.old@example.org", at: old, chatLines: 1)
        context.console.print(String(format: "retention: seeded %d old contacts in %.1f s", interactions, Date().timeIntervalSince(seedStart)))
        let rest = try await probe(during: nil)
        let config = app.services.config, db = app.db
        let started = Date()
        let report = ReportBox()
        let busy = try await probe {
            let r = try await RetentionSweep(db: db, inactivity: config.accountInactivity) { a, _ in
                OutboxMessage(recipient: a.email, subject: "", textBody: "", htmlBody: "", language: "pl", kind: "bench")
            }.run()
            await report.set(r)
        }
        let seconds = Date().timeIntervalSince(started)
        let r = await report.value
        context.console.print(String(format: "retention: anonymised=%d in %.1f s (%.0f contacts/s)", r?.contacts ?? 0, seconds, Double(r?.contacts ?? 0) / seconds))
        context.console.print(String(format: "routing read at rest: p50=%.2f ms p99=%.2f ms (n=%d); during retention: p50=%.2f ms p99=%.2f ms (n=%d); p99 ratio %.2f",
                                     rest.p50, rest.p99, rest.n, busy.p50, busy.p99, busy.n, busy.p99 / max(rest.p99, 0.001)))
    }
}

actor ReportBox {
    var value: RetentionReport?
    var done = false
    func set(_ r: RetentionReport) { value = r }
    func finish() { done = true }
}
