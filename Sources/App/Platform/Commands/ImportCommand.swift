import Vapor
import Fluent
import Storage
import Directory
import Portal

/// `zielona import offices FILE.csv` / `zielona import postal-codes FILE.csv`: replaces a
/// shipped list with an official one. Every row is checked first; one bad row imports nothing.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "offices | postal-codes | occupations | epraca | kb")
        var kind: String
        @Argument(name: "file", help: "CSV file with the same columns as the shipped list (see README).")
        var file: String
    }

    var help: String { "Import an official list: offices (CSV), postal-codes (CSV with postal_code,voivodeship_teryt,locality,latitude,longitude,powiat_teryt,powiat_method) or occupations (CSV code,name[,level,school_occupation]); or offers from an ePraca JSON export (epraca FILE.json); or knowledge-base entries (kb FILE.json|FILE.csv, the zielona-linia-kb/1 contract)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        if signature.kind == "epraca" { return try await importEPraca(context, signature.file) }
        if signature.kind == "kb" { return try await importKB(context, signature.file) }
        let text = try String(contentsOfFile: signature.file, encoding: .utf8)
        let store = FluentDirectoryStore(db: app.db)
        let register = TerritorialRegister(voivodeships: try await store.voivodeships(), powiats: try await store.powiats(inVoivodeship: nil))
        switch signature.kind {
        case "offices":
            let parsed = OfficeCSV.parse(text, register: register)
            guard parsed.errors.isEmpty else { return try report(context, parsed.errors.map { "line \($0.line): \($0.field): \($0.reason)" }) }
            let unserved = register.powiats.filter { p in !parsed.offices.contains { $0.kind == .pup && $0.powiatCodes.contains(p.code) } }
            if !unserved.isEmpty {
                return try report(context, ["no PUP serves: " + unserved.map(\.code).joined(separator: " ")])
            }
            try await app.db.transaction { tx in
                try await ReferenceDataLoader(db: tx).replaceOffices(parsed.offices)
                try await AppMeta(db: tx).set("reference.offices", "imported:\(ISO8601DateFormatter().string(from: Date()))")
            }
            await app.services.directoryCache.invalidate()
            context.console.print("Imported \(parsed.offices.count) offices.")
        case "postal-codes":
            let entries = PostalCodeEntry.parse(csv: text)
            let bad = entries.filter { register.powiat($0.powiatCode) == nil }.map { "\($0.code): unknown powiat \($0.powiatCode)" }
            guard bad.isEmpty else { return try report(context, bad) }
            guard !entries.isEmpty else { return try report(context, ["no rows with postal_code and powiat_teryt"]) }
            try await app.db.transaction { tx in
                try await ReferenceDataLoader(db: tx).replacePostalCodes(entries)
                try await AppMeta(db: tx).set("reference.postal_codes", "imported:\(ISO8601DateFormatter().string(from: Date()))")
            }
            context.console.print("Imported \(entries.count) postal codes; overrides applied again.")
        case "occupations":
            let list: [Occupation]
            do { list = try OccupationList.parse(text) } catch {
                switch error {
                case .badHeader: return try report(context, ["the first line must start with code,name"])
                case .badRow(let line, let reason): return try report(context, ["line \(line): \(reason)"])
                }
            }
            try await app.db.transaction { tx in
                try await ReferenceDataLoader(db: tx).replaceOccupations(list)
                try await AppMeta(db: tx).set("reference.occupations", "imported:\(ISO8601DateFormatter().string(from: Date()))")
            }
            await app.services.directoryCache.invalidate()
            context.console.print("Imported \(list.count) occupation codes (new ones added, changed names updated, none deleted).")
        default:
            throw ConsoleCommandError(message: "unknown kind \(signature.kind): use offices, postal-codes or occupations")
        }
    }

    /// Good records are stored, each on its own; the rejected ones are listed with the field
    /// and the reason, and then the command fails so a script notices.
    func importEPraca(_ context: CommandContext, _ path: String) async throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ConsoleCommandError(message: "cannot read \(path)") }
        let report: EPracaImporter.Report
        do { report = try await EPracaImporter(app: context.application).importFile(data) } catch let e as EPracaImporter.FileError {
            throw ConsoleCommandError(message: "nothing imported: \(e)")
        }
        context.console.print("ePraca: \(report.created) offers added, \(report.updated) updated, \(report.rejected.count) rejected.")
        guard !report.rejected.isEmpty else { return }
        for r in report.rejected {
            context.console.error("  record \(r.index)" + (r.id.map { " (\($0))" } ?? "") + ": \(r.field): \(r.reason)")
        }
        throw ConsoleCommandError(message: "\(report.rejected.count) record(s) rejected")
    }

    /// Knowledge-base entries (JSON contract or CSV with the same fields): each record on its
    /// own; a report of what was added, updated and refused; exit 1 when any was refused.
    func importKB(_ context: CommandContext, _ path: String) async throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ConsoleCommandError(message: "cannot read \(path)") }
        let records: [KBInterchange.Record]
        do {
            records = path.lowercased().hasSuffix(".csv") ? try KBInterchange.decodeCSV(String(decoding: data, as: UTF8.self))
                : try KBInterchange.decodeJSON(data)
        } catch let e as KBInterchange.DecodeError {
            throw ConsoleCommandError(message: "nothing imported: \(e)")
        }
        let app = context.application
        let report = try await KBInterchange.importRecords(records, db: app.db, analyzer: app.services.analyzer)
        context.console.print("Knowledge base: \(report.added) entries added, \(report.updated) updated, \(Set(report.refused.map(\.index)).count) refused.")
        guard !report.refused.isEmpty else { return }
        for r in report.refused { context.console.error("  record \(r.index) (\(r.externalID)): \(r.field): \(r.reason)") }
        throw ConsoleCommandError(message: "\(Set(report.refused.map(\.index)).count) record(s) refused")
    }

    /// Lists the problems and fails the command (a non-zero exit for scripts).
    func report(_ context: CommandContext, _ errors: [String]) throws {
        context.console.error("Nothing imported. \(errors.count) problem(s):")
        for e in errors.prefix(50) { context.console.error("  " + e) }
        throw ConsoleCommandError(message: "nothing imported")
    }
}

struct ConsoleCommandError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
