import Foundation
import Identity

/// What a channel learned about a contact before a consultant took it, for the screen pop:
/// who called and how they were identified, where they are, the IVR path and keys, what a form
/// or a message said, and which attempt of a callback this is. Stored as versioned JSON with
/// the interaction; rows written before the version existed (a flat string map) still read.
public struct ContactContext: Sendable, Equatable, Codable {
    public static let version = 2

    public enum Identification: String, Sendable, Codable {
        case clientNumberPIN = "client_number_pin"
        case postalCode = "postal_code"
    }

    /// Where a contact came from when its channel alone does not say.
    public enum Origin: String, Sendable, Codable {
        case ivr, voicemail
        /// Logged by a consultant on the desktop (a visit, a call taken outside the system).
        case consultant
        /// Put in the queue from the command line (`zielona enqueue`).
        case command = "zielona enqueue"
    }

    /// A key pressed at an IVR step.
    public struct Key: Sendable, Equatable, Codable {
        public let step: String
        public let digits: String
        public init(step: String, digits: String) { self.step = step; self.digits = digits }
    }

    /// The calling number (voice).
    public var caller: String?
    public var identifiedBy: Identification?
    public var postalCode: PostalCode?
    /// TERYT code of the powiat the contact was placed in.
    public var powiat: String?
    public var locality: String?
    public var ivrPath: [String] = []
    public var keys: [Key] = []
    public var email: String?
    public var phone: String?
    public var name: String?
    public var subject: String?
    public var message: String?
    public var caseNumber: String?
    /// When a callback or a video meeting was booked for, as the client was told.
    public var slot: String?
    /// The video meeting's link.
    public var meeting: String?
    /// Who asks for a callback: "seeker" or "employer".
    public var who: String?
    /// Which attempt of a callback (1 for the first).
    public var attempt: Int?
    /// The contact this one continues (a callback tried again, a reply to a mail thread).
    public var previous: UUID?
    public var origin: Origin?
    /// The country the person writes from (ISO 3166-1 alpha-2), where no powiat applies.
    public var country: String?

    public init(caller: String? = nil, identifiedBy: Identification? = nil, postalCode: PostalCode? = nil, powiat: String? = nil,
                locality: String? = nil, ivrPath: [String] = [], keys: [Key] = [], email: String? = nil, phone: String? = nil,
                name: String? = nil, subject: String? = nil, message: String? = nil, caseNumber: String? = nil, slot: String? = nil,
                meeting: String? = nil, who: String? = nil, attempt: Int? = nil, previous: UUID? = nil, origin: Origin? = nil, country: String? = nil) {
        self.caller = caller; self.identifiedBy = identifiedBy; self.postalCode = postalCode; self.powiat = powiat
        self.locality = locality; self.ivrPath = ivrPath; self.keys = keys; self.email = email; self.phone = phone
        self.name = name; self.subject = subject; self.message = message; self.caseNumber = caseNumber; self.slot = slot
        self.meeting = meeting; self.who = who; self.attempt = attempt; self.previous = previous; self.origin = origin
        self.country = country
    }

    /// The next attempt of a callback: the same context, counted on, pointing back.
    public func nextAttempt(after id: UUID) -> ContactContext {
        var next = self
        next.attempt = (attempt ?? 1) + 1
        next.previous = id
        return next
    }

    /// What statistics and the routing history keep once the person's identity and words go
    /// (retention, erasure): the place to powiat level (or the country), the IVR path, the kind
    /// of caller, the attempt and the origin. The keys pressed go too: they may be a client number or a PIN.
    public var anonymised: ContactContext {
        ContactContext(powiat: powiat, ivrPath: ivrPath, who: who, attempt: attempt, origin: origin, country: country)
    }

    /// The screen pop's lines: a name (the catalogue's `context.<name>`) and the value as stored,
    /// which the page shows in words when the catalogue has `context.<name>.<value>`.
    public var lines: [(name: String, value: String)] {
        var out: [(String, String?)] = [
            ("attempt", attempt.map(String.init)), ("caller", caller), ("case", caseNumber), ("country", country),
            ("digits", keys.isEmpty ? nil : keys.map { "\($0.step): \($0.digits)" }.joined(separator: ", ")),
            ("email", email), ("identified_by", identifiedBy?.rawValue), ("ivr_path", ivrPath.isEmpty ? nil : ivrPath.joined(separator: " › ")),
            ("locality", locality), ("meeting", meeting), ("message", message), ("name", name), ("phone", phone),
            ("postal_code", postalCode?.value), ("powiat", powiat), ("previous", previous?.uuidString), ("slot", slot),
            ("subject", subject), ("who", who),
        ]
        switch origin {
        case .consultant: out.append(("logged_by", "consultant"))
        case .some(let o): out.append(("source", o.rawValue))
        case nil: break
        }
        return out.compactMap { name, value in value.map { (name, $0) } }.sorted { $0.0 < $1.0 }
    }

    // MARK: stored form

    private enum CodingKeys: String, CodingKey {
        case v, caller, identifiedBy = "identified_by", postalCode = "postal_code", powiat, locality, ivrPath = "ivr_path", keys,
             email, phone, name, subject, message, caseNumber = "case", slot, meeting, who, attempt, previous, origin, country
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.v) else {
            self.init(legacy: try decoder.singleValueContainer().decode([String: String].self))
            return
        }
        self.init()
        caller = try c.decodeIfPresent(String.self, forKey: .caller)
        identifiedBy = try c.decodeIfPresent(Identification.self, forKey: .identifiedBy)
        postalCode = try c.decodeIfPresent(PostalCode.self, forKey: .postalCode)
        powiat = try c.decodeIfPresent(String.self, forKey: .powiat)
        locality = try c.decodeIfPresent(String.self, forKey: .locality)
        ivrPath = try c.decodeIfPresent([String].self, forKey: .ivrPath) ?? []
        keys = try c.decodeIfPresent([Key].self, forKey: .keys) ?? []
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        caseNumber = try c.decodeIfPresent(String.self, forKey: .caseNumber)
        slot = try c.decodeIfPresent(String.self, forKey: .slot)
        meeting = try c.decodeIfPresent(String.self, forKey: .meeting)
        who = try c.decodeIfPresent(String.self, forKey: .who)
        attempt = try c.decodeIfPresent(Int.self, forKey: .attempt)
        previous = try c.decodeIfPresent(UUID.self, forKey: .previous)
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
        country = try c.decodeIfPresent(String.self, forKey: .country)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.version, forKey: .v)
        try c.encodeIfPresent(caller, forKey: .caller)
        try c.encodeIfPresent(identifiedBy, forKey: .identifiedBy)
        try c.encodeIfPresent(postalCode, forKey: .postalCode)
        try c.encodeIfPresent(powiat, forKey: .powiat)
        try c.encodeIfPresent(locality, forKey: .locality)
        if !ivrPath.isEmpty { try c.encode(ivrPath, forKey: .ivrPath) }
        if !keys.isEmpty { try c.encode(keys, forKey: .keys) }
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(phone, forKey: .phone)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(caseNumber, forKey: .caseNumber)
        try c.encodeIfPresent(slot, forKey: .slot)
        try c.encodeIfPresent(meeting, forKey: .meeting)
        try c.encodeIfPresent(who, forKey: .who)
        try c.encodeIfPresent(attempt, forKey: .attempt)
        try c.encodeIfPresent(previous, forKey: .previous)
        try c.encodeIfPresent(origin, forKey: .origin)
        try c.encodeIfPresent(country, forKey: .country)
    }

    /// A row of version 1: the flat map the channels wrote by convention.
    public init(legacy m: [String: String]) {
        self.init(caller: m["caller"], identifiedBy: m["identified_by"].flatMap(Identification.init(rawValue:)),
                  postalCode: m["postal_code"].flatMap { try? PostalCode($0) }, powiat: m["powiat"], locality: m["locality"],
                  ivrPath: m["ivr_path"].map { $0.components(separatedBy: " › ") } ?? [],
                  keys: m["digits"].map(Self.legacyKeys) ?? [], email: m["email"], phone: m["phone"], name: m["name"],
                  subject: m["subject"], message: m["message"], caseNumber: m["case"], slot: m["slot"], meeting: m["meeting"],
                  who: m["who"], attempt: m["attempt"].flatMap { Int($0) }, previous: m["previous"].flatMap(UUID.init(uuidString:)),
                  origin: m["logged_by"] == "consultant" ? .consultant : m["source"].flatMap(Origin.init(rawValue:)))
    }

    /// "menu: 1, topic: 2" as version 1 wrote the keys.
    static func legacyKeys(_ text: String) -> [Key] {
        text.components(separatedBy: ", ").compactMap { pair in
            guard let colon = pair.range(of: ": ") else { return nil }
            return Key(step: String(pair[..<colon.lowerBound]), digits: String(pair[colon.upperBound...]))
        }
    }
}
