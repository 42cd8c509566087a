import Plot
import QRCode

/// A QR code as inline SVG: one path of dark squares, a four-module quiet zone, crisp edges.
/// No script and no style attribute, so the page's CSP allows it.
enum QRCodeSVG {
    static func node(_ code: QRCode, label: String, pixelsPerModule: Int = 5) -> Node<HTML.BodyContext> {
        let quiet = 4
        let side = code.size + 2 * quiet
        var path = ""
        for y in 0..<code.size {
            for x in 0..<code.size where code.modules[y][x] { path += "M\(x + quiet) \(y + quiet)h1v1h-1z" }
        }
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" aria-label="\(escape(label))" \
            width="\(side * pixelsPerModule)" height="\(side * pixelsPerModule)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
        return .raw(svg)
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
