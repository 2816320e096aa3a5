#ifndef CSOCKETSHIMS_H
#define CSOCKETSHIMS_H
#include <sys/socket.h>
#if defined(__linux__)
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

/// accept4(2) with SOCK_NONBLOCK | SOCK_CLOEXEC: glibc declares accept4 only under _GNU_SOURCE, which Swift's
/// Glibc module does not set. Falls back to accept + fcntl where accept4 does not exist.
int newslens_accept_nonblocking(int fd, struct sockaddr *address, socklen_t *length);

/// A close-on-exec file holding `count` bytes copied from `bytes`, for sendfile: an unnamed file in
/// `directory` (O_TMPFILE, reopened read-only) when `directory` is not NULL and its filesystem allows, else
/// an anonymous in-memory file (memfd_create, sealed against writes and resizing); -1 when neither can be
/// made (no memfd, too many descriptors), errno set.
int newslens_body_file(const char *directory, const void *bytes, long count);

/// 1 when `directory` is on tmpfs (whose files are the same shared memory as a memfd), else 0.
int newslens_is_tmpfs(const char *directory);

/// sendfile(2) of `count` bytes of `in_fd` from `*offset` to the socket `out_fd`; advances `*offset`.
/// -1 with errno ENOSYS where sendfile does not exist.
long newslens_sendfile(int out_fd, int in_fd, long *offset, long count);

#endif
