# Installation layout and the Debian package (CPack DEB). tst_packaging builds the package and runs lintian on it.
set(CB_APP_ID org.casebridge.Casebridge)
# The package is "casebridge": its documentation folder is named after it, not after the CMake project.
set(CB_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/casebridge)
if(CASEBRIDGE_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${CB_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/casebridge-sync.service DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/casebridge-sync.env DESTINATION /etc/casebridge
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CB_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${CB_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
        RENAME casebridge)

set(CB_DEBIAN_RELEASE 1)
# The changelog's newest entry is the package's version: a version bump without its changelog entry stops here.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog cb_changelog_head LIMIT_COUNT 1)
if(NOT cb_changelog_head MATCHES "^casebridge \\(${PROJECT_VERSION}-${CB_DEBIAN_RELEASE}\\) ")
    message(FATAL_ERROR "packaging/debian/changelog starts with '${cb_changelog_head}', not version "
                        "${PROJECT_VERSION}-${CB_DEBIAN_RELEASE}: add an entry for this version")
endif()

# Compressed as Debian wants them (gzip -9n: no name, no time stamp, so the same input gives the same bytes).
find_program(CB_GZIP gzip REQUIRED)
set(CB_PACKAGE_DIR ${CMAKE_BINARY_DIR}/packaging)
add_custom_command(OUTPUT ${CB_PACKAGE_DIR}/changelog.Debian.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CB_PACKAGE_DIR}
    COMMAND ${CB_GZIP} -9n -c ${PROJECT_SOURCE_DIR}/packaging/debian/changelog > ${CB_PACKAGE_DIR}/changelog.Debian.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
    COMMENT "changelog.Debian.gz" VERBATIM)
set(CB_PACKAGE_FILES ${CB_PACKAGE_DIR}/changelog.Debian.gz)
install(FILES ${CB_PACKAGE_DIR}/changelog.Debian.gz DESTINATION ${CB_DOCDIR})

# Manual pages generated from the programs' own --help and --version, so they cannot drift from them. The
# console prints its help without a display through the offscreen platform.
find_program(CB_HELP2MAN help2man)
find_program(CB_SED sed REQUIRED)
if(CB_HELP2MAN)
    set(cb_manpages casebridge-sync "headless runner of the Casebridge sync (webhook receiver, pusher, reconciler)")
    if(CASEBRIDGE_GUI)
        list(APPEND cb_manpages casebridge "desktop console of Casebridge, two-way sync of cases with a helpdesk")
    endif()
    while(cb_manpages)
        list(POP_FRONT cb_manpages program name)
        add_custom_command(OUTPUT ${CB_PACKAGE_DIR}/${program}.1.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CB_PACKAGE_DIR}
            COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
                    ${CB_HELP2MAN} --no-info --locale=C.UTF-8 --name=${name} --section=1 --output=${CB_PACKAGE_DIR}/${program}.1
                    $<TARGET_FILE:${program}>
            # one command a line, as --help prints them (help2man would run the list together into a paragraph)
            COMMAND ${CB_SED} -i -e "/^\\.SS \"Commands:\"/,/^\\.SS/{/^\\.SS\\|^\\.IP/!s/^/.br\\n/}"
                    ${CB_PACKAGE_DIR}/${program}.1
            COMMAND ${CB_GZIP} -9nf ${CB_PACKAGE_DIR}/${program}.1
            DEPENDS ${program}
            COMMENT "Manual page ${program}.1 from ${program} --help" VERBATIM)
        list(APPEND CB_PACKAGE_FILES ${CB_PACKAGE_DIR}/${program}.1.gz)
        install(FILES ${CB_PACKAGE_DIR}/${program}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endwhile()
else()
    message(WARNING "help2man not found: no manual pages (scripts/install-deps.sh installs it)")
endif()
add_custom_target(cb_package_files ALL DEPENDS ${CB_PACKAGE_FILES})

set(CPACK_PACKAGE_NAME casebridge)
set(CPACK_PACKAGE_VENDOR "Casebridge")
set(CPACK_PACKAGE_CONTACT "Casebridge developers <dev@casebridge.example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "two-way sync of a local case store with Freshdesk")
# Lines under 80 characters (Debian shows them as written); an empty line separates paragraphs.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Casebridge keeps a team's local case store (SQLite, or PostgreSQL shared by"
    "a team) in two-way sync with Freshdesk or Freshservice. Webhooks are"
    "verified and committed to disk before they are acknowledged; edits made in"
    "Casebridge are pushed back without echoing changes that came from the"
    "helpdesk; a reconciler catches what webhooks missed."
    ""
    "This package contains the desktop console (casebridge), the headless runner"
    "(casebridge-sync) with its systemd service, and a sandbox helpdesk that"
    "emulates the Freshdesk API for trying it out.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CB_DEBIAN_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Strip the binaries in the package (the build tree keeps its debug information).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dlopen'ed at run time, so dpkg-shlibdeps cannot see them: the SQL drivers, the Qt platform plugins (the console
# and offscreen use) and libsecret (QtKeychain loads it). adduser: postinst creates the service's user.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/debian/conffiles;${PROJECT_SOURCE_DIR}/packaging/debian/postinst")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
