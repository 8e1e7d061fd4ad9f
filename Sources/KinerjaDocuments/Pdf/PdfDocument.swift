import CHaru

/// One libharu document. libharu is used without an error callback (a C callback cannot throw through Swift), so it
/// records its last error and `check()` turns that into a thrown `PdfError`. Not shared between threads: each
/// rendering makes its own.
final class PdfDocument {
    private let handle: HPDF_Doc
    private let regular: HPDF_Font
    private let bold: HPDF_Font
    private(set) var pages: [PdfPage] = []

    init(compressed: Bool) throws {
        guard let handle = HPDF_New(nil, nil) else {
            throw PdfError.libharu(code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0)
        }
        self.handle = handle
        HPDF_SetCompressionMode(handle, HPDF_UINT(compressed ? HPDF_COMP_ALL : HPDF_COMP_NONE))
        guard let regular = HPDF_GetFont(handle, PdfFont.regular.postScriptName, "CP1252"),
              let bold = HPDF_GetFont(handle, PdfFont.bold.postScriptName, "CP1252")
        else {
            let error = PdfError.libharu(code: UInt(HPDF_GetError(handle)), detail: Int(HPDF_GetErrorDetail(handle)))
            HPDF_Free(handle)
            throw error
        }
        self.regular = regular
        self.bold = bold
    }

    deinit { HPDF_Free(handle) }

    func check() throws {
        let code = HPDF_GetError(handle)
        if code != HPDF_OK {
            throw PdfError.libharu(code: UInt(code), detail: Int(HPDF_GetErrorDetail(handle)))
        }
    }

    func addA4Page() throws -> PdfPage {
        guard let page = HPDF_AddPage(handle) else {
            try check()
            throw PdfError.libharu(code: UInt(HPDF_INVALID_OBJECT), detail: 0)
        }
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT)
        let added = PdfPage(handle: page, regular: regular, bold: bold)
        pages.append(added)
        return added
    }

    /// A PNG image, once per document however often it is drawn.
    func loadPNG(_ bytes: [UInt8]) throws -> PdfImage {
        let image = bytes.withUnsafeBufferPointer { HPDF_LoadPngImageFromMem(handle, $0.baseAddress, HPDF_UINT($0.count)) }
        guard let image else {
            HPDF_ResetError(handle)
            throw PdfError.unreadableLogo
        }
        let size = HPDF_Image_GetSize(image)
        return PdfImage(handle: image, width: Float(size.x), height: Float(size.y))
    }

    /// The document information dictionary. Dates are left out on purpose: the same PK gives the same bytes.
    func setInfo(title: String, creator: String) {
        setInfo(HPDF_INFO_TITLE, title)
        setInfo(HPDF_INFO_CREATOR, creator)
    }

    private func setInfo(_ key: HPDF_InfoType, _ value: String) {
        var bytes = CP1252.encode(value)
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = HPDF_SetInfoAttr(handle, key, $0.baseAddress) }
        }
    }

    /// Writes the document into libharu's memory stream and copies it out.
    func serialized() throws -> [UInt8] {
        try check()
        let saved = HPDF_SaveToStream(handle)
        guard saved == HPDF_OK else { throw PdfError.libharu(code: UInt(saved), detail: Int(HPDF_GetErrorDetail(handle))) }
        var size = HPDF_GetStreamSize(handle)
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { HPDF_ReadFromStream(handle, $0.baseAddress, &size) }
        // libharu answers HPDF_STREAM_EOF when the read reached the end, which is the expected outcome here.
        guard status == HPDF_OK || status == HPDF_STREAM_EOF else {
            throw PdfError.libharu(code: UInt(status), detail: 0)
        }
        HPDF_ResetError(handle)
        if Int(size) < out.count { out.removeLast(out.count - Int(size)) }
        return out
    }
}

/// A PNG loaded into a document, with its size in pixels.
struct PdfImage {
    let handle: HPDF_Image
    let width: Float
    let height: Float
}
