import Foundation
import Vapor

/// Files shipped inside the binary's resource bundle, read once.
enum StaticAssets {
    static let css: String = read("Public/kinerja.css")
    static let openAPIText: String = read("openapi.yaml")

    static func read(_ path: String) -> String {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(path),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }

    @Sendable static func stylesheet(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders([("Content-Type", "text/css; charset=utf-8")])
        headers.add(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/yaml; charset=utf-8"],
                 body: .init(string: openAPIText))
    }
}
