/// A tree drawn as an indented outline of boxes: each box one line deeper than its parent, joined to it by an elbow,
/// with extra edges (crosscutting links) drawn as dashed arcs in a gutter on the right. The outline keeps a tree of
/// any size readable and lets it break across printed pages; `svg` and `TreeDiagramPdf` draw the same boxes.
public struct TreeDiagram: Sendable, Hashable {
    public struct Box: Sendable, Hashable {
        public var depth: Int
        /// Index of the parent box, if drawn.
        public var parent: Int?
        public var title: String
        public var subtitle: String
        /// The figure at the right of the box ("87,50%", "—").
        public var value: String
        public var tone: SvgChart.Tone
        /// A CSS-safe word naming what the box is (misi, indikator, program…), for its class.
        public var kind: String
        /// Why the box is marked, if it is: a gap in the cascade.
        public var mark: String?

        public init(depth: Int, parent: Int?, title: String, subtitle: String, value: String, tone: SvgChart.Tone,
                    kind: String, mark: String?)
        {
            self.depth = depth
            self.parent = parent
            self.title = title
            self.subtitle = subtitle
            self.value = value
            self.tone = tone
            self.kind = kind
            self.mark = mark
        }
    }

    /// An extra edge, by box index: from the serving box to the box served.
    public struct Arc: Sendable, Hashable {
        public var from: Int
        public var to: Int

        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    public var boxes: [Box]
    public var arcs: [Arc]

    public init(boxes: [Box], arcs: [Arc]) {
        self.boxes = boxes
        self.arcs = arcs.filter { boxes.indices.contains($0.from) && boxes.indices.contains($0.to) && $0.from != $0.to }
    }

    /// Depth is capped so that a hostile chain cannot push boxes off the drawing.
    static let maxDepth = 12
    static func depth(_ box: Box) -> Int { Swift.min(Swift.max(box.depth, 0), maxDepth) }
}
