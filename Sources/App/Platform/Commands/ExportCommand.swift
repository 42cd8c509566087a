import Vapor
import Fluent

/// `zielona export hrxml [--out FILE]`: the live public offers as HR-XML 3.2 for EURES, to a
/// file or to standard output.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "hrxml | kb")
        var format: String
        @Option(name: "as", help: "For kb: json (default) or csv.")
        var asFormat: String?
        @Option(name: "out", help: "File to write (default: standard output).")
        var out: String?
    }

    var help: String { "Export the live public offers: export hrxml [--out FILE] (HR-XML 3.2 PositionOpening, for EURES); or the knowledge base: export kb [--as json|csv] [--out FILE]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard ["hrxml", "kb"].contains(signature.format) else { throw ConsoleCommandError(message: "unknown format \(signature.format); use hrxml or kb") }
        let kbFormat = signature.asFormat ?? "json"
        guard ["json", "csv"].contains(kbFormat) else { throw ConsoleCommandError(message: "--as must be json or csv") }
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let handle: FileHandle
        if let path = signature.out {
            guard FileManager.default.createFile(atPath: path + ".part", contents: nil), let h = FileHandle(forWritingAtPath: path + ".part") else {
                throw ConsoleCommandError(message: "cannot write \(path)")
            }
            handle = h
        } else {
            handle = .standardOutput
        }
        let count: Int
        if signature.format == "kb" {
            let records = try await KBInterchange.export(db: app.db)
            handle.write(kbFormat == "csv" ? Data(KBInterchange.csv(records).utf8) : try KBInterchange.json(records) + Data("\n".utf8))
            count = records.count
        } else {
            count = try await HRXMLExport.export(app: app) { handle.write(Data($0.utf8)) }
        }
        if let path = signature.out {
            try handle.close()
            // Complete or not at all: readers never see half a file.
            _ = try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".part", toPath: path)
            context.console.print("Exported \(count) \(signature.format == "kb" ? "entries" : "offers") to \(path).")
        }
    }
}
