# Consistency of the desktop integration files with the project; run with cmake -P.
#   -DVERSION=<project version> -DAPP_ID=<reverse-DNS id> -DRESOURCES=<resources dir>
set(errors "")
function(expect file regex what)
    file(READ "${file}" text)
    if(NOT text MATCHES "${regex}")
        set(errors ${errors} "${file}: ${what}" PARENT_SCOPE)
    endif()
endfunction()

set(desktop "${RESOURCES}/${APP_ID}.desktop")
set(metainfo "${RESOURCES}/${APP_ID}.metainfo.xml")
set(manpage "${RESOURCES}/tokenkeeper.1")
foreach(f IN ITEMS "${desktop}" "${metainfo}" "${manpage}" "${RESOURCES}/icons/tokenkeeper.svg")
    if(NOT EXISTS "${f}")
        message(FATAL_ERROR "missing ${f}")
    endif()
endforeach()

expect("${desktop}" "\nExec=tokenkeeper\n" "Exec must be 'tokenkeeper'")
expect("${desktop}" "\nIcon=tokenkeeper\n" "Icon must be 'tokenkeeper'")
expect("${desktop}" "\nCategories=Utility;Security;" "Categories must start Utility;Security;")
expect("${desktop}" "\nKeywords=" "Keywords missing")
expect("${metainfo}" "<id>${APP_ID}</id>" "id must be ${APP_ID}")
expect("${metainfo}" "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>"
       "launchable must name ${APP_ID}.desktop")
expect("${metainfo}" "<release version=\"${VERSION}\"" "no <release> for version ${VERSION}")
expect("${manpage}" "\"Tokenkeeper ${VERSION}\"" ".TH must say Tokenkeeper ${VERSION}")
foreach(opt IN ITEMS "help" "version" "minimized" "demo\\\\-server")
    expect("${manpage}" "\\\\-\\\\-${opt}" "option --${opt} not documented")
endforeach()
expect("${manpage}" "tokenkeeper\\.ini" "FILES must name tokenkeeper.ini")
expect("${manpage}" "keychain" "FILES must say secrets live in the keychain")

find_program(MAN man)
if(MAN)
    execute_process(COMMAND ${MAN} --warnings -l "${manpage}"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err
                    )
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
        list(APPEND errors "${manpage}: man --warnings reports: ${err}")
    endif()
endif()

if(errors)
    list(JOIN errors "\n  " msg)
    message(FATAL_ERROR "desktop metadata check failed:\n  ${msg}")
endif()
message(STATUS "desktop metadata OK (version ${VERSION}, id ${APP_ID})")
