import Plot

// Plot's self-closed elements (`<input>`, `<option>`, `<meta>`, `<link>`, `<img>`) turn their attributes into nodes
// through a key path over a generic type, which the runtime instantiates again on every call: on the PK board that
// was an eighth of the page's time. These same-named constructors shadow Plot's in every view and build the same
// element with a closure instead; the snapshots hold that the HTML is unchanged.

extension Node {
    static func selfClosed<C>(_ name: String, _ attributes: [Attribute<C>]) -> Node {
        var element = Element<Context>.named(name, nodes: attributes.map { attribute in
            Node<Any>.attribute(Attribute<Any>(name: attribute.name, value: attribute.value,
                                               replaceExisting: attribute.replaceExisting,
                                               ignoreIfValueIsEmpty: attribute.ignoreIfValueIsEmpty))
        })
        element.closingMode = .selfClosing
        return .element(element)
    }
}

extension Node where Context: HTML.BodyContext {
    static func input(_ attributes: Attribute<HTML.InputContext>...) -> Node { .selfClosed("input", attributes) }
}

extension Node where Context: HTMLOptionListContext {
    static func option(_ attributes: Attribute<HTML.OptionContext>...) -> Node { .selfClosed("option", attributes) }
}

extension Node where Context: HTMLImageContainerContext {
    static func img(_ attributes: Attribute<HTML.ImageContext>...) -> Node { .selfClosed("img", attributes) }
}

extension Node where Context == HTML.HeadContext {
    static func meta(_ attributes: Attribute<HTML.MetaContext>...) -> Node { .selfClosed("meta", attributes) }
    static func link(_ attributes: Attribute<HTML.LinkContext>...) -> Node { .selfClosed("link", attributes) }
}
