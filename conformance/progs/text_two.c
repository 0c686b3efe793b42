/* Two global functions in .text and nothing else: both count as programs, so libbpf
 * treats both as subprograms and the object offers no entry point in .text. */
int text_first(void)
{
	return 0;
}

int text_second(void)
{
	return 2;
}
