import ATLCLI
