/* offload exec: the thin client behind tc, ip, ethtool, bpftool (and the modprobe, udevadm,
 * mount stubs) inside an `offload exec` sandbox.
 *
 * It sends its argv, its working directory and $OFFLOAD_NETNS to the sandbox's emulator over
 * the Unix socket named by $OFFLOAD_EXEC_SOCK, or when a rig cleared the environment (tdc
 * runs its commands with an empty one), the .offload-exec.sock link next to the client's
 * own path (/usr/sbin/.offload-exec.sock through the sandbox's overlay), then
 * either writes back the command's stdout/stderr and exits with its status, or, for
 * `ip netns exec NS CMD...`, executes CMD with the environment the server names.
 *
 * Wire format (all integers little-endian u32):
 *   request:  nfields, then nfields x (len, bytes): cwd, netns, argv[0], argv[1], ...
 *   response: kind (0 = result, 1 = exec), rc, outlen, errlen, out, err
 *             for exec: out = argv as NUL-terminated strings, err = K=V NUL-terminated
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define SOCK_LINK ".offload-exec.sock"

static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, char *buf, size_t n)
{
	while (n) {
		ssize_t r = read(fd, buf, n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			return -1;
		buf += r;
		n -= (size_t)r;
	}
	return 0;
}

static void put_u32(char *p, uint32_t v)
{
	p[0] = (char)(v & 0xff);
	p[1] = (char)((v >> 8) & 0xff);
	p[2] = (char)((v >> 16) & 0xff);
	p[3] = (char)((v >> 24) & 0xff);
}

static uint32_t get_u32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] | ((uint32_t)u[1] << 8) | ((uint32_t)u[2] << 16) |
	       ((uint32_t)u[3] << 24);
}

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "offload exec: %s %s: %s\n", what, path, strerror(errno));
	return 127;
}

int main(int argc, char **argv)
{
	const char *sock = getenv("OFFLOAD_EXEC_SOCK");
	const char *ns = getenv("OFFLOAD_NETNS");
	char cwd[4096], exe[4096];
	const char *fields[4096];
	size_t nfields = 0, total = 4, i;
	struct sockaddr_un addr;
	char *req, *p, head[16], *body;
	uint32_t kind, outlen, errlen;
	int32_t rc;
	int fd;

	if (!sock || !*sock) {
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - sizeof(SOCK_LINK) - 1);
		char *slash;
		if (n <= 0)
			n = 0;
		exe[n] = 0;
		slash = strrchr(exe, '/');
		if (slash)
			strcpy(slash + 1, SOCK_LINK);
		else
			strcpy(exe, SOCK_LINK);
		sock = exe;
	}
	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = 0;
	if (argc > 4000) {
		fprintf(stderr, "offload exec: too many arguments\n");
		return 127;
	}
	fields[nfields++] = cwd;
	fields[nfields++] = ns ? ns : "";
	for (i = 0; i < (size_t)argc; i++)
		fields[nfields++] = argv[i];
	for (i = 0; i < nfields; i++)
		total += 4 + strlen(fields[i]);
	req = malloc(total);
	if (!req)
		return 127;
	put_u32(req, (uint32_t)nfields);
	p = req + 4;
	for (i = 0; i < nfields; i++) {
		size_t n = strlen(fields[i]);
		put_u32(p, (uint32_t)n);
		memcpy(p + 4, fields[i], n);
		p += 4 + n;
	}

	if (strlen(sock) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "offload exec: socket path too long: %s\n", sock);
		return 127;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strcpy(addr.sun_path, sock);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail("socket", sock);
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		return fail("cannot reach the emulator at", sock);
	if (write_all(fd, req, total) < 0 || read_all(fd, head, 16) < 0)
		return fail("lost the emulator at", sock);
	kind = get_u32(head);
	rc = (int32_t)get_u32(head + 4);
	outlen = get_u32(head + 8);
	errlen = get_u32(head + 12);
	body = malloc((size_t)outlen + errlen + 1);
	if (!body || read_all(fd, body, (size_t)outlen + errlen) < 0)
		return fail("lost the emulator at", sock);
	close(fd);
	body[outlen + errlen] = 0;

	if (kind == 1) {
		/* exec: out holds the argv, err the environment to add */
		char *args[4096];
		size_t n = 0;
		char *q = body, *end = body + outlen;
		while (q < end && n < 4095) {
			args[n++] = q;
			q += strlen(q) + 1;
		}
		args[n] = NULL;
		q = body + outlen;
		end = q + errlen;
		while (q < end) {
			char *eq = strchr(q, '=');
			size_t len = strlen(q);
			if (eq) {
				*eq = 0;
				setenv(q, eq + 1, 1);
			}
			q += len + 1;
		}
		if (n == 0)
			return 127;
		execvp(args[0], args);
		fprintf(stderr, "exec of \"%s\" failed: %s\n", args[0], strerror(errno));
		return 255;
	}
	if (write_all(1, body, outlen) < 0 || write_all(2, body + outlen, errlen) < 0)
		return 1;
	return rc;
}
