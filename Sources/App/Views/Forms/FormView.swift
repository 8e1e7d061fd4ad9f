import KinerjaCore
import Plot

/// Form building blocks: every input has a label, and an error is shown beside its field and announced.
struct FormErrors {
    var byField: [String: String] = [:]
    var general: String?

    init() {}

    init(_ refusal: any Refusal, names: FieldNames = .plain) {
        self.init(refusal.violations, names: names)
    }

    init(_ violations: [RuleViolation], names: FieldNames = .plain) {
        for violation in violations {
            if let field = violation.field {
                let name = names.name(field)
                if byField[name] == nil { byField[name] = violation.message.text }
            } else {
                general = general ?? violation.message.text
            }
        }
    }

    var isEmpty: Bool { byField.isEmpty && general == nil }
}

enum FormView {
    struct Option {
        var value: String
        var label: String
    }

    static func form(action: SiteURL, csrf: String, errors: FormErrors, submit: String,
                     fields: [Node<HTML.FormContext>]) -> Node<HTML.BodyContext>
    {
        form(actionURL: action.path, csrf: csrf, errors: errors, submit: submit, fields: fields)
    }

    /// The same, posting to an address with a query (built by `SiteURL.url(_:)`).
    static func form(actionURL action: String, csrf: String, errors: FormErrors, submit: String,
                     fields: [Node<HTML.FormContext>]) -> Node<HTML.BodyContext>
    {
        .group(
            .unwrap(errors.general) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(!errors.byField.isEmpty,
                .p(.class("error"), .attribute(named: "role", value: "alert"),
                   .text(L("Periksa isian yang ditandai di bawah.", "Check the fields marked below.")))),
            .form(.class("stack"), .method(.post), .action(action),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .group(fields),
                  .button(.type(.submit), .text(submit)))
        )
    }

    /// A text input; `id` defaults to the name and differs when one page has several forms with the same field.
    static func text(_ name: String, _ label: String, value: String, errors: FormErrors, required: Bool = true,
                     hint: String? = nil, id: String? = nil, type: HTMLInputType = .text) -> Node<HTML.FormContext>
    {
        let id = id ?? name
        let error = errors.byField[name]
        return .group(
            .label(.for(id), .text(label + (required ? "" : L(" (opsional)", " (optional)")))),
            .unwrap(hint) { .element(named: "small", nodes: [.id("\(id)-hint"), .text($0)]) },
            .input(.id(id), .name(name), .type(type), .value(value), .required(required),
                   .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                   .attribute(named: "aria-describedby", value: error == nil ? (hint == nil ? "" : "\(id)-hint") : "\(id)-error")),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) }
        )
    }

    /// A multi-line text field, for the narrative parts of a Manual IKU.
    static func textarea(_ name: String, _ label: String, value: String, errors: FormErrors, required: Bool = false,
                         hint: String? = nil, id: String? = nil) -> Node<HTML.FormContext>
    {
        let id = id ?? name
        let error = errors.byField[name]
        return .group(
            .label(.for(id), .text(label + (required ? "" : L(" (opsional)", " (optional)")))),
            .unwrap(hint) { .element(named: "small", nodes: [.id("\(id)-hint"), .text($0)]) },
            .textarea(.id(id), .name(name), .required(required),
                      .attribute(named: "rows", value: "3"),
                      .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                      .attribute(named: "aria-describedby", value: error == nil ? (hint == nil ? "" : "\(id)-hint") : "\(id)-error"),
                      .text(value)),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) }
        )
    }

    static func password(_ name: String, _ label: String, errors: FormErrors, hint: String? = nil,
                         autocomplete: String = "new-password") -> Node<HTML.FormContext>
    {
        let error = errors.byField[name]
        return .group(
            .label(.for(name), .text(label)),
            .unwrap(hint) { .element(named: "small", nodes: [.id("\(name)-hint"), .text($0)]) },
            .input(.id(name), .name(name), .type(.password), .required(true),
                   .attribute(named: "autocomplete", value: autocomplete),
                   .attribute(named: "aria-invalid", value: error == nil ? "false" : "true")),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(name)-error"), .text($0)]) }
        )
    }

    static func select(_ name: String, _ label: String, options: [Option], selected: String, errors: FormErrors,
                       allowEmpty: Bool = false, id: String? = nil, hint: String? = nil) -> Node<HTML.FormContext>
    {
        let id = id ?? name
        let error = errors.byField[name]
        return .group(
            .label(.for(id), .text(label)),
            .unwrap(hint) { .element(named: "small", nodes: [.id("\(id)-hint"), .text($0)]) },
            selectElement(name, options: (allowEmpty ? [Option(value: "", label: "–")] : []) + options,
                          selected: selected, invalid: error != nil, id: id),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) }
        )
    }

    /// A `<select>` with `<option>` children (Plot writes options as empty elements, which show no text).
    static func selectElement<Context>(_ name: String, options: [Option], selected: String, invalid: Bool = false,
                                       id: String? = nil, form: String? = nil) -> Node<Context>
    {
        .element(named: "select", nodes: [
            .attribute(named: "id", value: id ?? name),
            .attribute(named: "form", value: form),
            .attribute(named: "name", value: name),
            .attribute(named: "aria-invalid", value: invalid ? "true" : "false"),
        ] + options.map { option in
            .element(named: "option", nodes: [
                // An empty value must still be written: without it, the browser sends the option's text ("–").
                .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                option.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(option.label),
            ])
        })
    }
}
