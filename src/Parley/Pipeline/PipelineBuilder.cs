namespace Parley.Pipeline;

/// <summary>
/// Assembles components in order and checks, when built, that every layer a component requires is
/// assigned by the intake or by an earlier component, and that no two components assign the same layer.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentComponent> _components = [];
    private readonly List<Intake.IDocumentIntake> _intakes = [];

    public PipelineBuilder Add(IDocumentComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    /// <summary>Adds a reader for one kind of input; the router picks by content sniffing. Plain text is always available.</summary>
    public PipelineBuilder AddIntake(Intake.IDocumentIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        _intakes.Add(intake);
        return this;
    }

    public Intake.IntakeOptions IntakeOptions { get; set; } = new();

    public DocumentPipeline Build()
    {
        var assignedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in Layer.FromIntake)
        {
            assignedBy[layer] = "intake";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var extendedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in _components)
        {
            if (!names.Add(component.Name))
            {
                throw new ParleyException(ErrorCode.PipelineDuplicate, $"the component name '{component.Name}' is used twice");
            }

            foreach (var required in component.Requires)
            {
                if (!assignedBy.ContainsKey(required))
                {
                    throw new ParleyException(ErrorCode.PipelineOrder,
                        $"'{component.Name}' requires '{required}', which no earlier component assigns; add a component that assigns it before '{component.Name}'");
                }
            }

            foreach (var assigned in component.Assigns)
            {
                if (extendedBy.TryGetValue(assigned, out var extender))
                {
                    throw new ParleyException(ErrorCode.PipelineOrder,
                        $"'{component.Name}' assigns '{assigned}', which the earlier '{extender}' extends; move '{component.Name}' before '{extender}'");
                }

                if (assignedBy.TryGetValue(assigned, out var other) && other != "intake")
                {
                    throw new ParleyException(ErrorCode.PipelineDuplicate,
                        $"'{component.Name}' and '{other}' both assign '{assigned}'; keep one of them");
                }

                assignedBy[assigned] = component.Name;
            }

            foreach (var extended in component.Extends)
            {
                extendedBy.TryAdd(extended, component.Name);
            }
        }

        var router = new Intake.IntakeRouter(_intakes, IntakeOptions);
        return new DocumentPipeline(router, [.. _components]);
    }
}
