import Testing
import Foundation
import Vapor
@testable import App

/// Web Push's cryptography against RFC 8291's own example, the VAPID token checked with the key
/// it carries, and which endpoints the server may call at all.
@Suite struct WebPushTests {
    @Test func theMessageIsEncryptedExactlyAsRFC8291sExample() throws {
        let serverBytes = try #require(WebPush.data(base64url: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"))
        let server = try P256.KeyAgreement.PrivateKey(rawRepresentation: serverBytes)
        let ua = try #require(WebPush.data(base64url: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"))
        let body = try WebPush.encrypt(Data("When I grow up, I want to be a watermelon".utf8), p256dh: ua,
                                       auth: try #require(WebPush.data(base64url: "BTBZMqHH6r4Tts7J_aSIgg")), serverKey: server,
                                       salt: try #require(WebPush.data(base64url: "DGv6ra1nlYgDCS1FRnbzlw")))
        #expect(WebPush.base64url(body) == "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN")
        // A fresh key and salt each time otherwise; bad keys and oversize messages are refused.
        let a = try WebPush.encrypt(Data("x".utf8), p256dh: ua, auth: Data(count: 16)), b = try WebPush.encrypt(Data("x".utf8), p256dh: ua, auth: Data(count: 16))
        #expect(a != b && a.count == b.count)
        #expect(throws: WebPush.Failure.badSubscriptionKey) { try WebPush.encrypt(Data("x".utf8), p256dh: Data(count: 65), auth: Data(count: 16)) }
        #expect(throws: WebPush.Failure.badAuthSecret) { try WebPush.encrypt(Data("x".utf8), p256dh: ua, auth: Data(count: 8)) }
        #expect(throws: WebPush.Failure.tooLong) { try WebPush.encrypt(Data(count: 4_000), p256dh: ua, auth: Data(count: 16)) }
    }

    @Test func theVAPIDTokenIsSignedByTheKeyItNames() throws {
        let key = P256.Signing.PrivateKey()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let header = try WebPush.vapid(audience: "https://fcm.googleapis.com", subject: "mailto:noreply@example.org", key: key, now: now)
        let parts = header.dropFirst("vapid t=".count).components(separatedBy: ", k=")
        #expect(parts.count == 2 && parts[1] == WebPush.base64url(key.publicKey.x963Representation))
        let jwt = parts[0].split(separator: ".").map(String.init)
        #expect(jwt.count == 3)
        let raw = try #require(WebPush.data(base64url: jwt[2]))
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: raw)
        #expect(key.publicKey.isValidSignature(signature, for: Data((jwt[0] + "." + jwt[1]).utf8)))
        #expect(!P256.Signing.PrivateKey().publicKey.isValidSignature(signature, for: Data((jwt[0] + "." + jwt[1]).utf8)))
        let claimsData = try #require(WebPush.data(base64url: jwt[1]))
        let claims = try #require(try JSONSerialization.jsonObject(with: claimsData) as? [String: Any])
        #expect(claims["aud"] as? String == "https://fcm.googleapis.com" && claims["sub"] as? String == "mailto:noreply@example.org")
        #expect(claims["exp"] as? Int == 1_800_000_000 + 12 * 3_600)
    }

    @Test func onlyTheListedPushServicesAreEverCalled() {
        let hosts = AppConfig.defaultPushServices + ["http://127.0.0.1:18097"]
        #expect(PushSender.allowed("https://fcm.googleapis.com/fcm/send/abc", hosts: hosts))
        #expect(PushSender.allowed("https://wns2-db5p.notify.windows.com/w/?token=x", hosts: hosts))
        #expect(!PushSender.allowed("http://fcm.googleapis.com/fcm/send/abc", hosts: hosts), "HTTPS only")
        #expect(!PushSender.allowed("https://fcm.googleapis.com.evil.example/x", hosts: hosts))
        #expect(!PushSender.allowed("https://notify.windows.com.evil.example/x", hosts: hosts))
        #expect(!PushSender.allowed("https://169.254.169.254/latest/meta-data", hosts: hosts), "no address inside the network")
        #expect(PushSender.allowed("http://127.0.0.1:18097/sub/1", hosts: hosts))
        #expect(!PushSender.allowed("http://127.0.0.1:5432/", hosts: hosts), "the listed test service only")
        #expect(!PushSender.allowed("not a url", hosts: hosts))
    }

    @Test func theIconIsAPNGOfItsSize() {
        let png = AppIcon.png(size: 192)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.subdata(in: 12..<16) == Data("IHDR".utf8) && png.subdata(in: 16..<20) == Data([0, 0, 0, 192]))
        // The header's checksum is right (a viewer refuses the image otherwise).
        #expect(png.subdata(in: 29..<33) == withUnsafeBytes(of: AppIcon.crc32(png.subdata(in: 12..<29)).bigEndian) { Data($0) })
        #expect(AppIcon.crc32(Data("IEND".utf8)) == 0xAE42_6082)
    }
}
