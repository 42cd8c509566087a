import Plot
import Foundation

/// Development only: the e-mails in the outbox, so a developer without SMTP can follow links.
public enum DevMailPage {
    public struct Message: Sendable {
        public let recipient: String
        public let subject: String
        public let textBody: String
        public let status: String
        public let createdAt: String
        public init(recipient: String, subject: String, textBody: String, status: String, createdAt: String) {
            self.recipient = recipient; self.subject = subject; self.textBody = textBody; self.status = status; self.createdAt = createdAt
        }
    }

    public static func render(_ messages: [Message], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("devmail.title"), main: .group(
            .h1(.text(ctx.t("devmail.title"))),
            .p(.text(ctx.t("devmail.intro"))),
            .if(messages.isEmpty, .p(.text(ctx.t("devmail.empty")))),
            .forEach(messages.enumerated()) { index, m in
                .article(.class("card"), .attribute(named: "aria-labelledby", value: "mail-\(index)"),
                    .h2(.id("mail-\(index)"), .text(m.subject)),
                    .p(.class("meta"), .text("\(m.recipient) · \(m.createdAt) · \(m.status)")),
                    .pre(.class("mail-body"), .text(m.textBody)))
            }
        ))
    }
}
