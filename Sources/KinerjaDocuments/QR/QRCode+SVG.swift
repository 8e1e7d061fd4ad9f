extension QRCode {
    /// The code as an inline SVG element for a web page: one path, white background with the quiet zone, crisp edges
    /// so that browsers do not blur module borders. `moduleSize` is the side of one module in CSS pixels.
    public func svg(moduleSize: Int = 4) -> String {
        let side = width + 2 * Self.quietZone
        var path = ""
        path.reserveCapacity(width * width)
        for r in darkRectangles() {
            path += "M\(r.x + Self.quietZone) \(r.y + Self.quietZone)h\(r.width)v\(r.height)h-\(r.width)z"
        }
        let pixels = side * max(moduleSize, 1)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges" role="img" aria-label="Kode QR">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
