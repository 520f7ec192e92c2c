int tkUiPlaceholder()
{
    return 0;
}
