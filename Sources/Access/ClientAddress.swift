#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped into ::ffff:0:0/96), so one prefix rule
/// covers both.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    public let isV4: Bool

    public init?(_ text: String) {
        var s = text.trimmingCharacters(in: " \t[]")
        if let percent = s.firstIndex(of: "%") { s = String(s[..<percent]) }  // fe80::1%eth0
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, s, &v4) == 1 {
            let b = withUnsafeBytes(of: v4) { Array($0) }
            bytes = Array(repeating: 0, count: 10) + [0xFF, 0xFF] + b; isV4 = true
        } else if inet_pton(AF_INET6, s, &v6) == 1 {
            bytes = withUnsafeBytes(of: v6) { Array($0) }
            isV4 = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        } else { return nil }
    }

    public var description: String {
        if isV4 { return bytes.suffix(4).map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }

    /// The address with its host part cleared (IPv4 /24, IPv6 /48): what logs keep, which no
    /// longer points at one person.
    public var anonymised: String {
        if isV4 { return bytes[12..<15].map(String.init).joined(separator: ".") + ".0" }
        return stride(from: 0, to: 6, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":") + "::"
    }
}

/// An address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`).
public struct IPRange: Sendable, Equatable {
    public let base: IPAddress
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let base = parts.first.flatMap(IPAddress.init) else { return nil }
        let width = base.isV4 ? 32 : 128
        guard let bits = parts.count == 2 ? Int(parts[1]) : width, (0...width).contains(bits) else { return nil }
        self.base = base
        self.prefix = base.isV4 ? bits + 96 : bits
    }

    public func contains(_ a: IPAddress) -> Bool {
        for i in 0..<16 {
            let bits = min(8, max(0, prefix - i * 8))
            let mask: UInt8 = bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a.bytes[i] & mask != base.bytes[i] & mask { return false }
        }
        return true
    }
}

/// Who a request came from, when load balancers the operator trusts stand in front: the TCP
/// peer unless it is a trusted proxy; then the rightmost address of X-Forwarded-For (or
/// Forwarded) that is not a trusted proxy — the leftmost ones are whatever the client wrote.
public struct TrustedProxies: Sendable, Equatable {
    public let ranges: [IPRange]
    public init(_ ranges: [IPRange] = []) { self.ranges = ranges }

    public struct BadEntry: Error, Equatable { public let text: String }

    /// `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges.
    public static func parse(_ text: String) -> Result<TrustedProxies, BadEntry> {
        var out: [IPRange] = []
        for piece in text.split(separator: ",") {
            let item = String(piece).trimmingCharacters(in: " ")
            if item.isEmpty { continue }
            guard let r = IPRange(item) else { return .failure(BadEntry(text: item)) }
            out.append(r)
        }
        return .success(TrustedProxies(out))
    }

    public func trusts(_ a: IPAddress) -> Bool { ranges.contains { $0.contains(a) } }

    /// `forwardedFor`: X-Forwarded-For's addresses in order; `forwarded`: RFC 7239 `for=` values.
    public func client(peer: String?, forwardedFor: [String], forwarded: [String]) -> IPAddress? {
        guard let peerAddress = peer.flatMap(IPAddress.init) else { return nil }
        guard trusts(peerAddress) else { return peerAddress }
        let chain = forwarded.isEmpty ? forwardedFor : forwarded
        for hop in chain.reversed() {
            guard let a = IPAddress(hop) else { return peerAddress }  // an unreadable hop: trust nothing past it
            if !trusts(a) { return a }
        }
        return chain.first.flatMap(IPAddress.init) ?? peerAddress
    }

    /// The `for=` addresses of a Forwarded header (RFC 7239), quotes, brackets and ports removed.
    public static func forwardedFor(_ header: String) -> [String] {
        var out: [String] = []
        for element in header.split(separator: ",") {
            for pair in element.split(separator: ";") {
                let p = String(pair).trimmingCharacters(in: " ")
                guard p.lowercased().hasPrefix("for=") else { continue }
                var v = String(p.dropFirst(4)).trimmingCharacters(in: "\"")
                if v.hasPrefix("[") { v = String(v.dropFirst().prefix { $0 != "]" }) }
                else if v.filter({ $0 == ":" }).count == 1 { v = String(v.prefix { $0 != ":" }) }
                out.append(v)
            }
        }
        return out
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
