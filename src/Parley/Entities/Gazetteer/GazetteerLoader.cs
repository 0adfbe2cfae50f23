namespace Parley.Entities.Gazetteer;

/// <summary>Builds a <see cref="WorldGazetteer"/> from the tab-separated files described in Data/README.md.</summary>
internal static class GazetteerLoader
{
    public static readonly string[] Files = ["countries.tsv", "areas.tsv", "regions.tsv", "cities.tsv", "organisations.tsv", "metonyms.tsv"];

    private const string ResourcePrefix = "Parley.Gazetteer.";

    public static WorldGazetteer LoadEmbedded()
    {
        var assembly = typeof(WorldGazetteer).Assembly;
        return Load(file =>
        {
            var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new ParleyException(ErrorCode.DataMissing, $"the gazetteer resource '{file}' is missing from {assembly.GetName().Name}; rebuild Parley");
            return new StreamReader(stream);
        });
    }

    public static WorldGazetteer Load(Func<string, TextReader> open)
    {
        var builder = new Builder();
        foreach (var file in Files)
        {
            using var reader = open(file);
            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var cells = line.Split('\t');
                try
                {
                    builder.AddRow(file, cells);
                }
                catch (Exception e) when (e is IndexOutOfRangeException or FormatException)
                {
                    throw new ParleyException(ErrorCode.DataMissing, $"gazetteer file {file}, line {lineNumber}: {e.Message}");
                }
            }
        }

        return builder.Build();
    }

    private sealed class Builder
    {
        private readonly List<GazetteerEntry> _entries = [];
        private readonly Dictionary<string, GazetteerEntry> _countries = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>(folded name, country) of cities already added, so a capital listed twice is kept once.</summary>
        private readonly HashSet<(string, string?)> _cities = [];

        public void AddRow(string file, string[] c)
        {
            switch (file)
            {
                case "countries.tsv":
                    AddCountry(c);
                    break;
                case "areas.tsv":
                case "regions.tsv":
                case "cities.tsv":
                    AddPlace(c);
                    break;
                case "organisations.tsv":
                    AddOrganisation(c);
                    break;
                case "metonyms.tsv":
                    AddMetonym(c[0], List(c[1]), c[2], c[3], c[4]);
                    break;
            }
        }

        private void AddCountry(string[] c)
        {
            string iso2 = c[0], iso3 = c[1];
            var status = c[3] switch
            {
                "state" => CountryStatus.State,
                "territory" => CountryStatus.Territory,
                "partial" => CountryStatus.PartiallyRecognised,
                "historical" => CountryStatus.Historical,
                _ => throw new FormatException($"unknown country kind '{c[3]}'"),
            };
            string? parent = Cell(c[4]);
            string cameo = Cell(c[2]) ?? (status == CountryStatus.Territory && parent is not null ? parent + iso3 : iso3);
            string name = c[6];
            var capitals = List(c[9]);
            var country = New(GazetteerKind.Country, name, [name, .. List(c[7])]);
            country.Iso2 = iso2;
            country.Country = iso3;
            country.Cameo = cameo;
            country.Status = status;
            country.Regions = List(c[5]);
            country.Capital = capitals.Count > 0 ? capitals[0] : null;

            if (status != CountryStatus.Historical || !_countries.ContainsKey(iso2))
            {
                _countries.TryAdd(iso2, country);
            }

            _countries.TryAdd(iso3, country);
            _countries.TryAdd(cameo, country);

            var demonyms = List(c[8]);
            if (demonyms.Count > 0)
            {
                var norp = New(GazetteerKind.Norp, demonyms[0], WithPlurals(demonyms));
                norp.Country = iso3;
                norp.Cameo = cameo;
            }

            // Former states keep their names but not their capitals: "Moscow" is Russia's.
            if (capitals.Count == 0 || status == CountryStatus.Historical)
            {
                return;
            }

            AddCity(capitals[0], capitals, iso3, cameo, null, isCapital: true);
            bool sovereign = status is CountryStatus.State or CountryStatus.PartiallyRecognised;
            if (sovereign && !string.Equals(capitals[0], name, StringComparison.OrdinalIgnoreCase))
            {
                AddMetonym(capitals[0], capitals, iso3, cameo + "GOV", "GOV");
            }
        }

        private void AddPlace(string[] c)
        {
            var kind = c[0] switch
            {
                "CITY" => GazetteerKind.City,
                "REGION" => GazetteerKind.Region,
                "AREA" => GazetteerKind.Area,
                _ => throw new FormatException($"unknown place kind '{c[0]}'"),
            };
            string name = c[1];
            var names = new List<string> { name };
            names.AddRange(List(c[2]));
            string? country = Cell(c[3]);
            string? cameo = country is not null && _countries.TryGetValue(country, out var owner) ? owner.Cameo : country;
            if (kind == GazetteerKind.City)
            {
                AddCity(name, names, country, cameo, Cell(c[4]), isCapital: false);
                return;
            }

            var entry = New(kind, name, names);
            entry.Country = country;
            entry.Cameo = cameo;
            entry.Subdivision = Cell(c[4]);
        }

        private void AddCity(string name, IReadOnlyList<string> names, string? country, string? cameo, string? subdivision, bool isCapital)
        {
            if (!_cities.Add((SurfaceText.FoldAll(name), country)))
            {
                return;
            }

            var city = New(GazetteerKind.City, name, names);
            city.Country = country;
            city.Cameo = cameo;
            city.Subdivision = subdivision;
            city.IsCapital = isCapital;
        }

        private void AddOrganisation(string[] c)
        {
            var kind = c[0] switch
            {
                "IGO" => GazetteerKind.Igo,
                "NGO" => GazetteerKind.Ngo,
                "NSA" => GazetteerKind.NonState,
                _ => throw new FormatException($"unknown organisation kind '{c[0]}'"),
            };
            var entry = New(kind, c[1], [c[1], .. List(c[2])]);
            entry.Cameo = Cell(c[3]);
            entry.Country = Cell(c[4]);
            entry.Sector = Cell(c[5]);
        }

        private void AddMetonym(string name, IReadOnlyList<string> aliases, string country, string cameo, string sector)
        {
            // "Washington, D.C." names the city, never the government.
            var names = new List<string> { name };
            foreach (var a in aliases)
            {
                if (a != name && !a.Contains(',') && !a.Contains("D.C", StringComparison.Ordinal) && !a.EndsWith(" DC", StringComparison.Ordinal))
                {
                    names.Add(a);
                }
            }

            var entry = New(GazetteerKind.GovMetonym, name, names);
            entry.Country = country;
            entry.Cameo = cameo;
            entry.Sector = sector;
        }

        private GazetteerEntry New(GazetteerKind kind, string name, IReadOnlyList<string> surfaces)
        {
            var entry = new GazetteerEntry(_entries.Count, kind, name) { Surfaces = surfaces.Distinct(StringComparer.Ordinal).ToArray() };
            _entries.Add(entry);
            return entry;
        }

        public WorldGazetteer Build()
        {
            var trie = new SurfaceTrie();
            foreach (var entry in _entries)
            {
                foreach (var surface in entry.Surfaces)
                {
                    trie.Add(surface, entry);
                }
            }

            trie.Freeze(DefaultOrder);
            return new WorldGazetteer([.. _entries], trie, _countries);
        }

        /// <summary>
        /// What a name most likely means when nothing else is known: a sovereign state before an organisation, a
        /// capital before a province, a place before a government metonym ("Moscow" is the city until the verb
        /// says otherwise).
        /// </summary>
        private static int DefaultOrder(GazetteerEntry a, GazetteerEntry b)
        {
            int c = Rank(a).CompareTo(Rank(b));
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        }

        private static int Rank(GazetteerEntry e) => e.Kind switch
        {
            GazetteerKind.Country => e.Status switch
            {
                CountryStatus.State => 0,
                CountryStatus.PartiallyRecognised => 1,
                CountryStatus.Territory => 6,
                _ => 12,
            },
            GazetteerKind.Igo => 2,
            GazetteerKind.NonState => 3,
            GazetteerKind.Ngo => 4,
            GazetteerKind.Area => 5,
            GazetteerKind.City when e.IsCapital => 7,
            GazetteerKind.Region => 8,
            GazetteerKind.City => 9,
            GazetteerKind.Norp => 10,
            GazetteerKind.GovMetonym => 11,
            _ => 13,
        };

        /// <summary>Nationality words name people too: "Iraqi" gives "Iraqis", "Afghan" gives "Afghans".</summary>
        private static List<string> WithPlurals(IReadOnlyList<string> demonyms)
        {
            var result = new List<string>(demonyms);
            foreach (var d in demonyms)
            {
                bool regular = (d.EndsWith("an", StringComparison.Ordinal) && !d.EndsWith("man", StringComparison.Ordinal))
                    || d.EndsWith('i');
                if (regular && !d.Contains(' ') && !d.Contains('-') && !result.Contains(d + "s"))
                {
                    result.Add(d + "s");
                }
            }

            return result;
        }

        private static string? Cell(string s) => s is "-" or "" ? null : s;

        private static IReadOnlyList<string> List(string s) =>
            s is "-" or "" ? [] : s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
