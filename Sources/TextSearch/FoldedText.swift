/// A text folded once (`PolishFolding`) and kept as UTF-8 bytes, for lists searched by
/// substring on every keystroke (occupations, offices): comparing bytes is a hundred times
/// cheaper than `String.contains`, which compares by grapheme. Byte order is code-point order in
/// UTF-8, so a byte match is a match of the folded text.
public struct FoldedText: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(PolishFolding.fold(text).utf8) }
    public init(folded: String) { bytes = Array(folded.utf8) }

    public var isEmpty: Bool { bytes.isEmpty }

    public func contains(_ needle: FoldedText) -> Bool {
        let n = needle.bytes, h = bytes
        guard !n.isEmpty else { return true }
        guard n.count <= h.count else { return false }
        let first = n[0], last = h.count - n.count
        var i = 0
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
