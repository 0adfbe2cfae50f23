using System.Diagnostics.CodeAnalysis;

namespace Parley;

/// <summary>Keeps throw sites out of hot paths so callers stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowIndexOutOfRange(string name) => throw new ArgumentOutOfRangeException(name);

    [DoesNotReturn]
    public static void Throw(ErrorCode code, string detail) => throw new ParleyException(code, detail);
}
