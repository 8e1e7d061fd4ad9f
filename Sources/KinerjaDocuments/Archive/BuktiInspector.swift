import Foundation
import KinerjaCore
import ZIPFoundation

/// Tells what an uploaded evidence file is from its bytes: the first bytes for PDF and images; for a ZIP, whether it
/// opens and holds a workbook, so that a renamed DOCX or any other archive is refused.
public enum BuktiInspector {
    public static func kind(of data: Data) throws(RuleViolation) -> BuktiKind {
        if let refusal = BuktiKind.refusal(size: data.count) { throw refusal }
        guard let kind = BuktiKind.sniff(data) else { throw BuktiKind.unknownType }
        guard kind == .xlsx else { return kind }
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { throw BuktiKind.unknownType }
        let names = Set(archive.map(\.path))
        guard BuktiKind.xlsxParts.isSubset(of: names) else { throw BuktiKind.unknownType }
        return .xlsx
    }
}
