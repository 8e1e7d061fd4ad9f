import KinerjaCore

/// A decimal from its canonical text (`"107.142857"`); traps on a typo in a test's own literal.
func d(_ text: String) -> FixedDecimal {
    guard let value = FixedDecimal(canonical: text) else { fatalError("not a canonical decimal: \(text)") }
    return value
}

/// A calendar date from `yyyy-mm-dd`; traps on a typo in a test's own literal.
func day(_ iso: String) -> CalendarDate {
    guard let value = CalendarDate(iso: iso) else { fatalError("not a date: \(iso)") }
    return value
}

/// The rule violation a call throws, or nil when it does not throw one.
func violation<T>(_ body: () throws -> T) -> RuleViolation? {
    do {
        _ = try body()
        return nil
    } catch let error as RuleViolation {
        return error
    } catch {
        return nil
    }
}

/// The capaian of a numeric realisation against a numeric target.
func capaian(_ realisasi: String, of target: String, _ spec: IndicatorSpec = IndicatorSpec(kind: .numeric),
             policy: CapaianPolicy = .standard) -> CapaianResult
{
    CapaianCalculator(policy: policy).capaian(of: .value(d(realisasi)), against: .value(d(target)), spec: spec)
}

/// Period entries from plain numbers; `nil` is a period not reported yet.
func values(_ numbers: String?...) -> [Realisasi?] {
    numbers.map { $0.map { Realisasi.value(d($0)) } }
}

let positive = IndicatorSpec(kind: .numeric)
let negative = IndicatorSpec(kind: .numeric, polarity: .negative)
let negativeRatio = IndicatorSpec(kind: .numeric, polarity: .negative, negativeFormula: .ratio)
