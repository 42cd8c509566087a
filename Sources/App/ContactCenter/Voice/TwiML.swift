import Foundation
import ContactCenter
import Clients

/// The voice-webhook answer language (TwiML, as Twilio and compatible carriers read it): a
/// `<Response>` holding verbs the carrier runs in order. Only the verbs and attributes this
/// system uses, each as documented by the carrier.
public indirect enum TwiMLVerb: Sendable, Equatable {
    /// Text spoken by the carrier's speech synthesis; `language` as the carrier names it (pl-PL).
    case say(String, language: String)
    case play(String)
    case pause(seconds: Int)
    /// Waits for keys, posting them to `action`; the prompts inside may be interrupted by a key.
    case gather(action: String, timeout: Int, numDigits: Int?, prompts: [TwiMLVerb])
    case redirect(String)
    /// Puts the caller in a named queue; `waitUrl` is asked what to play while waiting, `action`
    /// what to do when the caller leaves it.
    case enqueue(String, action: String, waitURL: String)
    /// Takes the caller out of its queue (allowed in a wait URL's answer).
    case leave
    case dial(DialTarget, action: String, timeout: Int, callerID: String?, recordingCallback: String?)
    /// Voicemail: records up to `maxLength` seconds after a beep.
    case record(action: String, maxLength: Int, recordingCallback: String)
    case hangup

    public enum DialTarget: Sendable, Equatable {
        case client(String), sip(String), number(String)
        case conference(String, Conference)
    }

    /// How one participant joins a conference (the caller, the consultant, a supervisor).
    public struct Conference: Sendable, Equatable {
        /// Heard by nobody (a supervisor listening).
        public var muted = false
        /// The conference begins when this participant arrives (the consultant); others wait.
        public var startsIt = true
        /// The conference ends when this participant leaves (the caller, the consultant).
        public var endsIt = true
        /// Heard by this participant only (the consultant's CallSid, for a supervisor coaching).
        public var coach: String? = nil
        /// Recording of the whole conference, reported to this address.
        public var recordingCallback: String? = nil
        public init(muted: Bool = false, startsIt: Bool = true, endsIt: Bool = true, coach: String? = nil, recordingCallback: String? = nil) {
            self.muted = muted; self.startsIt = startsIt; self.endsIt = endsIt; self.coach = coach; self.recordingCallback = recordingCallback
        }
    }
}

public enum TwiML {
    /// The carrier's language tag for one of the portal's languages.
    public static func voiceLanguage(_ language: String) -> String {
        switch language {
        case "en": "en-GB"
        case "ru": "ru-RU"
        case "uk": "uk-UA"
        default: "pl-PL"
        }
    }

    public static func document(_ verbs: [TwiMLVerb]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<Response>"
        for v in verbs { render(v, into: &out) }
        return out + "</Response>\n"
    }

    static func render(_ verb: TwiMLVerb, into out: inout String) {
        func element(_ name: String, _ attributes: [(String, String?)], _ body: String? = nil) {
            out += "<" + name
            for case let (key, value?) in attributes { out += " \(key)=\"\(escape(value))\"" }
            if let body { out += ">" + body + "</\(name)>" } else { out += "/>" }
        }
        switch verb {
        case let .say(text, language):
            element("Say", [("language", voiceLanguage(language))], escape(text))
        case let .play(url):
            element("Play", [], escape(url))
        case let .pause(seconds):
            element("Pause", [("length", String(seconds))])
        case let .gather(action, timeout, numDigits, prompts):
            var inner = ""
            for p in prompts { render(p, into: &inner) }
            element("Gather", [("input", "dtmf"), ("action", action), ("method", "POST"), ("timeout", String(timeout)),
                               ("numDigits", numDigits.map(String.init)), ("finishOnKey", numDigits == nil ? "#" : nil)], inner)
        case let .redirect(url):
            element("Redirect", [("method", "POST")], escape(url))
        case let .enqueue(name, action, waitURL):
            element("Enqueue", [("action", action), ("method", "POST"), ("waitUrl", waitURL), ("waitUrlMethod", "POST")], escape(name))
        case .leave:
            element("Leave", [])
        case let .dial(target, action, timeout, callerID, recordingCallback):
            let noun: String
            switch target {
            case .client(let id): noun = "<Client>\(escape(id))</Client>"
            case .sip(let uri): noun = "<Sip>\(escape(uri))</Sip>"
            case .number(let n): noun = "<Number>\(escape(n))</Number>"
            case let .conference(name, options):
                noun = conference(name, options)
            }
            element("Dial", [("action", action), ("method", "POST"), ("timeout", String(timeout)), ("callerId", callerID),
                             ("record", recordingCallback == nil ? nil : "record-from-answer-dual"),
                             ("recordingStatusCallback", recordingCallback), ("recordingStatusCallbackMethod", recordingCallback == nil ? nil : "POST")], noun)
        case let .record(action, maxLength, callback):
            element("Record", [("action", action), ("method", "POST"), ("maxLength", String(maxLength)), ("playBeep", "true"),
                               ("recordingStatusCallback", callback), ("recordingStatusCallbackMethod", "POST")])
        case .hangup:
            element("Hangup", [])
        }
    }

    static func conference(_ name: String, _ o: TwiMLVerb.Conference) -> String {
        var out = "<Conference muted=\"\(o.muted)\" beep=\"false\" startConferenceOnEnter=\"\(o.startsIt)\" endConferenceOnExit=\"\(o.endsIt)\""
        if let coach = o.coach { out += " coach=\"\(escape(coach))\"" }
        if let callback = o.recordingCallback {
            out += " record=\"record-from-start\" recordingStatusCallback=\"\(escape(callback))\" recordingStatusCallbackMethod=\"POST\""
        }
        return out + ">" + escape(name) + "</Conference>"
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
