/// The entity stage of the pipeline (`EntityRecognizer`): finds people, organizations, countries and places
/// in the headline, body and captions with gazetteers and rules (no model), types and merges their
/// mentions over the whole article, and builds the participants.
public struct NewsEntityRecognizer: EntityRecognizer {
    public let resources: EntityResources
    private let scanner: NameScanner

    public init(resources: EntityResources = .shared) {
        self.resources = resources
        scanner = NameScanner(resources: resources)
    }

    public func recognize(_ document: ArticleDocument) -> EntityLayer {
        let (units, candidates) = candidates(document)
        let (clusters, of) = EntityClusterer().cluster(units, candidates)
        return ParticipantBuilder(resources: resources).build(units, candidates, clusters, of)
    }

    /// One line per name candidate — where, what type, which rule decided — for debugging and tests.
    public func explain(_ document: ArticleDocument) -> [String] {
        let (units, candidates) = candidates(document)
        return candidates.map { c in
            let u = units[c.unit]
            var line = "\(u.location) \(c.tokenStart)-\(c.tokenEnd) \(c.type) \(c.evidence)"
            if c.dropped { line += " dropped" }
            if c.nested { line += " nested" }
            if c.titleOnly { line += " title-only" }
            if c.strength == .weak { line += " weak" }
            return line + " \"" + u.string(c.tokenStart, c.tokenEnd) + "\""
        }
    }

    func candidates(_ document: ArticleDocument) -> ([EntityUnit], [NameCandidate]) {
        var units: [EntityUnit] = []
        units.reserveCapacity(document.paragraphs.count + document.captions.count + 1)
        if let h = document.headline { units.append(EntityUnit(location: .headline, text: h, resources: resources)) }
        for (i, p) in document.paragraphs.enumerated() {
            units.append(EntityUnit(location: .paragraph(i), text: p, resources: resources))
        }
        for (i, c) in document.captions.enumerated() {
            units.append(EntityUnit(location: .caption(i), text: c, resources: resources))
        }
        var candidates: [NameCandidate] = []
        for (i, u) in units.enumerated() { scanner.scan(u, unit: i, into: &candidates) }
        DocumentTyping().apply(units, &candidates)
        return (units, candidates)
    }
}
