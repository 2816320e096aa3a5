/// All data the entity stage reads — word lexicon and gazetteer — loaded once per process from
/// `Resources/entities/` (sources and licenses in `Resources/README.md`).
public final class EntityResources: Sendable {
    public let lexicon: EntityLexicon
    public let gazetteer: Gazetteer

    public init(lexicon: EntityLexicon, gazetteer: Gazetteer) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
    }

    /// The bundled resources (loaded on first use, about 40 ms).
    public static let shared: EntityResources = load(ResourceTable.entries)

    /// Builds the resources from entries read by `read` (a file name → tab-separated fields per line);
    /// tests pass small in-memory files.
    public static func load(_ read: (String) -> [[Substring]]) -> EntityResources {
        EntityResources(lexicon: EntityLexicon.load(read), gazetteer: loadGazetteer(read))
    }

    static func loadGazetteer(_ read: (String) -> [[Substring]]) -> Gazetteer {
        var g = Gazetteer()
        func list(_ f: [Substring], _ i: Int) -> [Substring] {
            i < f.count ? f[i].split(separator: "|").filter { !$0.isEmpty } : []
        }
        // Hand-written overrides first: canonical names, extra aliases and demonyms, keyed by ISO code.
        var extra: [Substring: [Substring]] = [:]
        for f in read("entities/country-aliases.tsv") { extra[f[0]] = f }
        var capitals: [(Substring, Int32)] = []
        for f in read("entities/countries.tsv") where f.count >= 2 {
            let more = extra[f[0]] ?? []
            let name = more.count > 1 && !more[1].isEmpty ? more[1] : f[1]
            let index = g.addEntity(KnownEntity(name: String(name), kind: .country, code: String(f[0])))
            let country = GazetteerHit(kind: .country, entity: index, allCaps: false)
            g.add(name, country)
            // hand-written aliases before generated ones: on a clash between two countries they win
            for a in list(more, 2) + [f[1]] + list(f, 2) { g.add(a, country) }
            for d in list(more, 3) + list(f, 3) {
                let demonym = GazetteerHit(kind: .demonym, entity: index, allCaps: false)
                g.add(d, demonym)
                // the people of the country: "Ukrainians", "Israelis" (not "Chinese", "British")
                if d.hasSuffix("an") || d.hasSuffix("i") { g.add(d + "s", demonym) }
            }
            if f.count > 4, !f[4].isEmpty { capitals.append((f[4], index)) }
        }
        for f in read("entities/organizations.tsv") {
            let kind: KnownEntity.Kind
            switch f.count > 2 ? f[2] : "org" {
            case "agency": kind = .agency
            case "government": kind = .government
            case "party": kind = .party
            case "company": kind = .company
            case "media": kind = .media
            case "sport": kind = .sport
            case "religion": kind = .religion
            case "group": kind = .group
            case "product": kind = .product
            default: kind = .organization
            }
            let index = g.addEntity(KnownEntity(name: String(f[0]), kind: kind, code: ""))
            let hit = GazetteerHit(kind: .organization, entity: index, allCaps: false)
            g.add(f[0], hit)
            for a in list(f, 1) { g.add(a, hit) }
        }
        for (city, country) in capitals {
            g.add(city, GazetteerHit(kind: .capital, entity: country, allCaps: false))
            if city.hasSuffix(" D.C.") { g.add(city.dropLast(5), GazetteerHit(kind: .capital, entity: country, allCaps: false)) }
        }
        for f in read("entities/regions.tsv") { g.add(f[0], GazetteerHit(kind: .region, entity: -1, allCaps: false)) }
        for f in read("entities/places.tsv") {
            if f.count > 2, f[1] == "nation" {  // England, Scotland: own national teams, own people
                let index = g.addEntity(KnownEntity(name: String(f[0]), kind: .country, code: String(f[2])))
                g.add(f[0], GazetteerHit(kind: .country, entity: index, allCaps: false))
            } else {
                g.add(f[0], GazetteerHit(kind: .region, entity: -1, allCaps: false))
            }
        }
        for f in read("entities/cities.tsv") { g.add(f[0], GazetteerHit(kind: .city, entity: -1, allCaps: false)) }
        return g
    }
}
