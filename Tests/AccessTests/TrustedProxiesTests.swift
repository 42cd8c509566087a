import Testing
import Access

/// The client address behind load balancers: believed only from trusted proxies, rightmost
/// untrusted hop first, IPv4 and IPv6.
struct TrustedProxiesTests {
    let proxies = try! TrustedProxies.parse("10.0.0.0/8, 2001:db8::/32,192.0.2.7").get()

    @Test func anUntrustedPeerIsTheClientWhateverItForwards() {
        #expect(proxies.client(peer: "203.0.113.5", forwardedFor: ["198.51.100.1"], forwarded: [])?.description == "203.0.113.5")
        #expect(TrustedProxies().client(peer: "10.1.2.3", forwardedFor: ["198.51.100.1"], forwarded: [])?.description == "10.1.2.3")
    }

    @Test func behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        // The client wrote the leftmost entry itself; the proxies appended the rest.
        let c = proxies.client(peer: "10.0.0.9", forwardedFor: ["1.2.3.4", "198.51.100.1", "10.0.0.8"], forwarded: [])
        #expect(c?.description == "198.51.100.1")
        #expect(proxies.client(peer: "192.0.2.7", forwardedFor: [], forwarded: TrustedProxies.forwardedFor("for=\"[2001:db9::1]:4711\";proto=https, for=10.0.0.1"))?.description == "2001:db9:0:0:0:0:0:1")
        #expect(proxies.client(peer: "10.0.0.9", forwardedFor: ["not-an-ip"], forwarded: [])?.description == "10.0.0.9", "an unreadable hop is not believed")
    }

    @Test func rangesAndAnonymisation() {
        #expect(IPRange("10.0.0.0/8")!.contains(IPAddress("10.255.1.1")!))
        #expect(!IPRange("10.0.0.0/8")!.contains(IPAddress("11.0.0.1")!))
        #expect(IPRange("2001:db8::/32")!.contains(IPAddress("2001:db8:ffff::1")!))
        #expect(!IPRange("2001:db8::/32")!.contains(IPAddress("10.0.0.1")!))
        #expect(IPRange("10.0.0.0/33") == nil && IPRange("nonsense") == nil)
        #expect(IPAddress("203.0.113.77")!.anonymised == "203.0.113.0")
        #expect(IPAddress("2001:db8:1234:5678::1")!.anonymised == "2001:db8:1234::")
        if case .failure(let bad) = TrustedProxies.parse("10.0.0.1, 300.1.1.1") { #expect(bad.text == "300.1.1.1") } else { Issue.record("accepted 300.1.1.1") }
    }
}
