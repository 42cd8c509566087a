import Foundation
import Localization

/// The texts of system SMS, short (one or two messages in UCS-2), in the recipient's language,
/// each saying how to stop them.
enum SMSTexts {
    static func callback(case caseNumber: String, when: String, language: Language) -> String {
        Catalogues.bundled[language].text("sms.callback", ["case": caseNumber, "when": when])
    }

    static func visit(office: String, when: String, language: Language) -> String {
        Catalogues.bundled[language].text("sms.visit", ["office": office, "when": when])
    }

    static func survey(link: String, language: Language) -> String {
        Catalogues.bundled[language].text("sms.survey", ["link": link])
    }
}
