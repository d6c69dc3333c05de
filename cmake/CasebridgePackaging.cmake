# Installation layout and the Debian package (CPack DEB).
set(CB_APP_ID org.casebridge.Casebridge)
if(CASEBRIDGE_BUILD_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${CB_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/casebridge-sync.service DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/casebridge-sync.env DESTINATION /etc/casebridge
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME casebridge)
set(CPACK_PACKAGE_VENDOR "Casebridge")
set(CPACK_PACKAGE_CONTACT "Casebridge developers <dev@casebridge.example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Two-way sync of a local case store with Freshdesk (console and headless runner)")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dlopen'ed at run time, so dpkg-shlibdeps cannot see them: the SQL drivers, the Qt platform plugins (the console
# and offscreen use) and libsecret (QtKeychain loads it).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/debian/conffiles;${PROJECT_SOURCE_DIR}/packaging/debian/postinst")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
