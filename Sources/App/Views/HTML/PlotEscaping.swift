import Plot

// Same-named, same-typed constructors as Plot's, declared in this module so that they shadow Plot's in every view:
// each value passes through `Escape`. Only this file builds an `Attribute` from a raw value. `EscapeTests` renders
// the pages with hostile names to hold every path to it.

extension Node {
    static func text(_ text: String) -> Node { .raw(Escape.text(text)) }

    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(Escape.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

    /// A `data-…` attribute.
    static func data(_ name: String, _ value: String) -> Node { .attribute(named: "data-" + name, value: value) }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(Escape.attribute))
    }

    static func escaped(_ name: String, _ value: String, ignoreIfValueIsEmpty: Bool = true) -> Attribute {
        Attribute(name: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .escaped("id", id) }
    static func `class`(_ className: String) -> Attribute { .escaped("class", className) }
    static func title(_ title: String) -> Attribute { .escaped("title", title) }
    static func data(named name: String, value: String) -> Attribute { .escaped("data-" + name, value) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(.escaped("id", id)) }
    static func `class`(_ className: String) -> Node { .attribute(.escaped("class", className)) }
    static func title(_ title: String) -> Node { .attribute(.escaped("title", title)) }
    static func data(named name: String, value: String) -> Node { .attribute(.escaped("data-" + name, value)) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .escaped("name", name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(.escaped("name", name)) }
}

extension Attribute where Context == HTML.MetaContext {
    static func property(_ property: String) -> Attribute { .escaped("property", property) }
    static func content(_ content: String) -> Attribute { .escaped("content", content) }
}

extension Attribute where Context: HTMLTypeContext {
    static func type(_ type: String) -> Attribute { .escaped("type", type) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .escaped("value", value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(.escaped("value", value)) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute { .escaped("href", url) }
    static func href(_ url: SiteURL) -> Attribute { .escaped("href", url.path) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node { .attribute(.escaped("href", url)) }
    static func href(_ url: SiteURL) -> Node { .attribute(.escaped("href", url.path)) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: String) -> Attribute { .escaped("src", url) }
    static func src(_ url: SiteURL) -> Attribute { .escaped("src", url.path) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: String) -> Node { .attribute(.escaped("src", url)) }
    static func src(_ url: SiteURL) -> Node { .attribute(.escaped("src", url.path)) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: String) -> Node { .attribute(.escaped("action", url)) }
    static func action(_ url: SiteURL) -> Node { .attribute(.escaped("action", url.path)) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(.escaped("for", target)) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .escaped("placeholder", placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(.escaped("placeholder", placeholder)) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { .escaped("label", label) }
}

extension Node where Context: HTMLStylableContext {
    static func style(_ css: String) -> Node { .attribute(.escaped("style", css)) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .escaped("alt", text) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(.escaped("aria-label", label)) }
    static func ariaControls(_ child: String) -> Node { .attribute(.escaped("aria-controls", child)) }
}

extension Node where Context == HTML.TimeContext {
    static func datetime(_ datetime: String) -> Node { .attribute(.escaped("datetime", datetime)) }
}

extension Node where Context == HTML.HeadContext {
    /// Only `<title>`, escaped: Plot's own also writes `og:title` and `twitter:title` meta tags with the text unescaped.
    static func title(_ title: String) -> Node { .element(named: "title", nodes: [.text(title)]) }
}
