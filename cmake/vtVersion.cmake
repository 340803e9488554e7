# The one place the version is set: the vtlint project, the vt runtime project
# (also configured on its own, as FetchContent's SOURCE_SUBDIR runtime), the
# CMake package version file and the Debian package all read it.
set(VT_VERSION 0.1.0)
