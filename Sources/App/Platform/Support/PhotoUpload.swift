import Vapor
import Content

/// An optional account photo: JPEG or PNG, told by the file's first bytes (not by its name or
/// declared type), at most 2 MB.
enum PhotoUpload {
    static let maxBytes = 2 * 1024 * 1024

    enum Problem: String, Error { case tooBig = "account.photo_too_big", wrongType = "account.photo_type" }

    struct Photo: Sendable { let contentType: String; let data: Data }

    /// nil when no file was chosen (browsers send an empty part then).
    static func check(_ file: File?) throws(Problem) -> Photo? {
        guard let file, file.data.readableBytes > 0 else { return nil }
        guard file.data.readableBytes <= maxBytes else { throw .tooBig }
        let data = Data(file.data.readableBytesView)
        guard let format = ContentImage.format(of: data) else { throw .wrongType }
        return Photo(contentType: format.contentType, data: data)
    }
}
