import CPng

/// Makes an uploaded PNG safe to hand to libharu. libharu reads PNGs with libpng's classic API and no error recovery:
/// a damaged chunk aborts the whole process. So an upload is decoded completely with libpng's simplified API (which
/// reports errors instead of jumping) and written out again as a plain 8-bit PNG; only that copy is ever stored.
public enum PngSanitizer {
    public enum Failure: Error, Sendable, Hashable {
        case unreadable(String)
        case tooLarge(width: Int, height: Int)
    }

    public static let maxSide = 2_000

    public static func sanitize(_ bytes: [UInt8]) throws -> [UInt8] {
        // libpng keeps the input's address from begin_read until finish_read, so both run while it is valid.
        try bytes.withUnsafeBytes { input in try decode(input) }
    }

    private static func decode(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let started = png_image_begin_read_from_memory(&image, input.baseAddress, input.count)
        guard started != 0 else { throw Failure.unreadable(message(of: &image)) }
        defer { png_image_free(&image) }
        let (width, height) = (Int(image.width), Int(image.height))
        // Checked before the pixels are allocated: a small file can claim an enormous image.
        guard width > 0, height > 0, width <= maxSide, height <= maxSide else {
            throw Failure.tooLarge(width: width, height: height)
        }
        // Opaque RGB on white: libharu would need a separate soft mask for alpha, and an emblem needs none.
        image.format = UInt32(PNG_FORMAT_RGB)
        let stride = width * 3
        var pixels = [UInt8](repeating: 255, count: stride * height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, &white, $0.baseAddress, Int32(stride), nil)
        }
        guard finished != 0 else { throw Failure.unreadable(message(of: &image)) }
        var size: png_alloc_size_t = 0
        let measured = pixels.withUnsafeBytes {
            png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, Int32(stride), nil)
        }
        guard measured != 0, size > 0 else { throw Failure.unreadable(message(of: &image)) }
        var out = [UInt8](repeating: 0, count: Int(size))
        let written = out.withUnsafeMutableBytes { buffer in
            pixels.withUnsafeBytes {
                png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, $0.baseAddress, Int32(stride), nil)
            }
        }
        guard written != 0 else { throw Failure.unreadable(message(of: &image)) }
        return Array(out.prefix(Int(size)))
    }

    static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
