/// Words too common to search by (folded). Kept short: "praca" or "biuro" are not stop words.
public enum StopWords {
    public static let polish: Set<String> = [
        "a", "aby", "albo", "ale", "bez", "by", "byc", "co", "czy", "dla", "do", "i", "ich", "im", "jak", "jako", "jest", "jego",
        "jej", "juz", "lub", "na", "nad", "nie", "o", "od", "oraz", "po", "pod", "przez", "przy", "sa", "sie", "ta", "tak",
        "te", "tej", "ten", "to", "tu", "tym", "u", "w", "we", "z", "za", "ze", "zl",
        "the", "and", "of", "in", "for",
    ]
}
