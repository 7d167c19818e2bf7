# Compiles data/ (frameworks, editions, geography, lexicon) into the binary, so that `ocindex`
# works from any directory and a fresh database can be filled with no files around.
file(GLOB_RECURSE OCINDEX_DATA_FILES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/data/frameworks/*.toml
  ${PROJECT_SOURCE_DIR}/data/editions/*.csv
  ${PROJECT_SOURCE_DIR}/data/geography/*.csv
  ${PROJECT_SOURCE_DIR}/data/lexicon/*.toml)
set(OCINDEX_EMBEDDED_DATA_SOURCE ${PROJECT_BINARY_DIR}/generated/embedded_data.cc)
add_custom_command(
  OUTPUT ${OCINDEX_EMBEDDED_DATA_SOURCE}
  COMMAND ${CMAKE_COMMAND} -DDATA_DIR=${PROJECT_SOURCE_DIR}/data
          -DOUTPUT=${OCINDEX_EMBEDDED_DATA_SOURCE} -P ${PROJECT_SOURCE_DIR}/cmake/embed_data.cmake
  DEPENDS ${OCINDEX_DATA_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_data.cmake
  COMMENT "Embedding bundled data")
