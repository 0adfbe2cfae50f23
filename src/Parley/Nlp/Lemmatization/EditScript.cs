namespace Parley.Nlp.Lemmatization;

/// <summary>
/// How a lemma is made from its word: optionally lowercase the word, strip a suffix, append another
/// ("Studies" → lowercase, strip "ies", add "y" → "study"). Written as "L|ies|y" or "K|s|" (K keeps the case).
/// </summary>
internal readonly record struct EditScript(bool Lower, string Strip, string Append)
{
    public override string ToString() => (Lower ? "L|" : "K|") + Strip + "|" + Append;

    public static EditScript Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] is not ("L" or "K"))
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"'{text}' is not a lemma edit script; the model file is damaged");
        }

        return new EditScript(parts[0] == "L", parts[1], parts[2]);
    }

    /// <summary>The script that turns <paramref name="form"/> into <paramref name="lemma"/>: the one stripping less, keeping case on a tie.</summary>
    public static EditScript Between(string form, string lemma)
    {
        var keep = Make(form, lemma, lower: false);
        string lowerForm = form.ToLowerInvariant();
        if (lowerForm.Equals(form, StringComparison.Ordinal))
        {
            return keep;
        }

        var lowered = Make(lowerForm, lemma, lower: true);
        return lowered.Strip.Length < keep.Strip.Length ? lowered : keep;
    }

    private static EditScript Make(string form, string lemma, bool lower)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p])
        {
            p++;
        }

        return new EditScript(lower, form[p..], lemma[p..]);
    }

    public bool AppliesTo(ReadOnlySpan<char> form)
    {
        if (Strip.Length > form.Length || (Strip.Length == form.Length && Append.Length == 0))
        {
            return false;
        }

        var tail = form[(form.Length - Strip.Length)..];
        return Lower ? tail.Equals(Strip, StringComparison.OrdinalIgnoreCase) : tail.SequenceEqual(Strip);
    }

    public string Apply(string form)
    {
        string baseForm = Lower ? form.ToLowerInvariant() : form;
        if (Strip.Length == 0 && Append.Length == 0)
        {
            return baseForm;
        }

        return string.Concat(baseForm.AsSpan(0, baseForm.Length - Strip.Length), Append);
    }
}
