import Plot

/// A page that only says what happened ("check your inbox", "link expired") and where to go next.
public enum NoticePage {
    public static func render(title: String, message: String, link: (href: String, label: String)?, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: title, main: .group(
            .h1(.text(title)),
            .p(.text(message)),
            .if(link != nil, .p(.a(.href(link?.href ?? "/"), .text(link?.label ?? ""))))
        ))
    }
}
