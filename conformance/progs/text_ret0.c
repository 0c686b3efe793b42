/* No SEC(): the one global function lands in .text, and libbpf takes it as the program
 * because the object holds no other (prog_is_subprog() needs more than one program). */
int text_ret0(void)
{
	return 0;
}
