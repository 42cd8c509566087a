import Fluent
import SQLKit
import Foundation
import ContactCenter

/// A number callers dial and the flow it leads to (seed 002: 9524 paid for all, 9510 free for
/// the registered unemployed, the national 19524; and, say, a foreigners' line).
public struct VoiceLine: Sendable, Equatable {
    /// Digits as dialled in Poland: "19524", "9510", "221234567" (see `normalized`).
    public let number: String
    public let flowID: String
    /// What staff and the reports call it.
    public let name: String

    public init(number: String, flowID: String, name: String) { self.number = number; self.flowID = flowID; self.name = name }

    public static let shipped = [
        VoiceLine(number: "19524", flowID: VoiceStore.mainFlow, name: "19524 – Zielona Linia"),
        VoiceLine(number: "9524", flowID: VoiceStore.mainFlow, name: "9524 – płatna dla wszystkich"),
        VoiceLine(number: "9510", flowID: "unemployed", name: "9510 – bezpłatna dla bezrobotnych"),
    ]

    /// The number a carrier reports (`To`, E.164: "+4819524") as dialled in Poland: digits only,
    /// without the country code; nil when it holds no digits or is too long to be a number.
    public static func normalized(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        let digits = String(t.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        let number: String
        if t.hasPrefix("+48") { number = String(digits.dropFirst(2)) }
        else if t.hasPrefix("0048") { number = String(digits.dropFirst(4)) }
        // A foreign number stays international.
        else if t.hasPrefix("+") { number = "+" + digits }
        else if t.hasPrefix("00") { number = "+" + digits.dropFirst(2) }
        else { number = digits }
        return (3...15).contains(number.filter(\.isNumber).count) ? number : nil
    }
}

extension VoiceStore {
    public func lines() async throws -> [VoiceLine] {
        try await sql.select().column("*").from("voice_lines").orderBy("number").all().map(Self.line)
    }

    public func line(number: String) async throws -> VoiceLine? {
        try await sql.select().column("*").from("voice_lines").where("number", .equal, SQLBind(number)).first().map(Self.line)
    }

    /// The line a carrier's `To` names, if mapped.
    public func line(dialled raw: String) async throws -> VoiceLine? {
        guard let number = VoiceLine.normalized(raw) else { return nil }
        return try await line(number: number)
    }

    /// Adds the number, or maps it to another flow or name.
    public func saveLine(_ line: VoiceLine, by who: String, now: Date) async throws {
        if try await self.line(number: line.number) != nil {
            try await sql.update("voice_lines").set("flow_id", to: SQLBind(line.flowID)).set("name", to: SQLBind(line.name))
                .set("updated_at", to: SQLBind(now)).set("updated_by", to: SQLBind(who)).where("number", .equal, SQLBind(line.number)).run()
        } else {
            try await sql.insert(into: "voice_lines").columns("number", "flow_id", "name", "updated_at", "updated_by")
                .values(SQLBind(line.number), SQLBind(line.flowID), SQLBind(line.name), SQLBind(now), SQLBind(who)).run()
        }
    }

    public func deleteLine(number: String) async throws {
        try await sql.delete(from: "voice_lines").where("number", .equal, SQLBind(number)).run()
    }

    static func line(_ row: any SQLRow) throws -> VoiceLine {
        VoiceLine(number: try row.decode(column: "number", as: String.self), flowID: try row.decode(column: "flow_id", as: String.self),
                  name: try row.decode(column: "name", as: String.self))
    }
}
