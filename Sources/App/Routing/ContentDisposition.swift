import Foundation
import Vapor

/// `Content-Disposition` built by RFC 6266 with RFC 8187's `filename*`: the name as UTF-8, percent-encoded, plus a
/// plain ASCII fallback. Nothing of the name can end the header or start another: control characters, quotes and
/// backslashes never reach it unencoded.
enum ContentDisposition {
    static func value(_ disposition: String, filename: String) -> String {
        let fallback = String(filename.unicodeScalars.prefix(200).map { scalar -> Character in
            (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != "/" ? Character(scalar) : "_"
        })
        let encoded = filename.prefix(200).addingPercentEncoding(withAllowedCharacters: attrChar) ?? fallback
        return "\(disposition); filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 8187 attr-char.
    static let attrChar = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
}

extension HTTPHeaders {
    mutating func setDisposition(_ disposition: String, filename: String) {
        replaceOrAdd(name: .contentDisposition, value: App.ContentDisposition.value(disposition, filename: filename))
    }
}
