# generated — do not edit: compiled from forms/import_dialog.ui by build_scripts/compile_forms.py
# source-sha256: d8ab96c96341820caf87a038c79b812a248259dd9dcba68c82f39c3b4b2fcdfb
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTreeWidget,
    QVBoxLayout,
)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 600)
        ImportDialog.setAcceptDrops(True)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(ImportDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.receivedLabel = QLabel(ImportDialog)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.optionsLayout.addWidget(self.receivedLabel)

        self.receivedEdit = QDateEdit(ImportDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.optionsLayout.addWidget(self.receivedEdit)

        self.channelLabel = QLabel(ImportDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.optionsLayout.addWidget(self.channelLabel)

        self.channelCombo = QComboBox(ImportDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.optionsLayout.addWidget(self.channelCombo)

        self.optionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer)

        self.addFilesButton = QPushButton(ImportDialog)
        self.addFilesButton.setObjectName(u"addFilesButton")

        self.optionsLayout.addWidget(self.addFilesButton)

        self.addFolderButton = QPushButton(ImportDialog)
        self.addFolderButton.setObjectName(u"addFolderButton")

        self.optionsLayout.addWidget(self.addFolderButton)


        self.mainLayout.addLayout(self.optionsLayout)

        self.tree = QTreeWidget(ImportDialog)
        self.tree.setObjectName(u"tree")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)

        self.mainLayout.addWidget(self.tree)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressBar = QProgressBar(ImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.progressLayout)

        self.statusLabel = QLabel(ImportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.replaceButton = QPushButton(ImportDialog)
        self.replaceButton.setObjectName(u"replaceButton")

        self.buttonLayout.addWidget(self.replaceButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.receivedLabel.setBuddy(self.receivedEdit)
        self.channelLabel.setBuddy(self.channelCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)

        self.importButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Nh\u1eadp bi\u1ec3u m\u1eabu Excel", None))
        self.headerLabel.setText(QCoreApplication.translate("ImportDialog", u"Nh\u1eadp c\u00e1c bi\u1ec3u m\u1eabu b\u00e1o c\u00e1o (.xlsx) c\u00e1c \u0111\u01a1n v\u1ecb g\u1eedi v\u1ec1. M\u1ed7i t\u1ec7p \u0111\u01b0\u1ee3c nh\u1eadp tr\u1ecdn v\u1eb9n ho\u1eb7c kh\u00f4ng nh\u1eadp g\u00ec; t\u1ec7p b\u1ecb t\u1eeb ch\u1ed1i \u0111\u01b0\u1ee3c n\u00eau r\u00f5 \u00f4 v\u00e0 l\u00fd do. C\u00f3 th\u1ec3 k\u00e9o th\u1ea3 t\u1ec7p ho\u1eb7c th\u01b0 m\u1ee5c v\u00e0o \u0111\u00e2y.", None))
        self.receivedLabel.setText(QCoreApplication.translate("ImportDialog", u"Ng\u00e0y nh\u1eadn:", None))
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("ImportDialog", u"dd/MM/yyyy", None))
        self.channelLabel.setText(QCoreApplication.translate("ImportDialog", u"H\u00ecnh th\u1ee9c nh\u1eadn:", None))
        self.addFilesButton.setText(QCoreApplication.translate("ImportDialog", u"&Th\u00eam t\u1ec7p\u2026", None))
        self.addFolderButton.setText(QCoreApplication.translate("ImportDialog", u"Th\u00eam th\u01b0 &m\u1ee5c\u2026", None))
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ImportDialog", u"K\u1ebft qu\u1ea3 / l\u00fd do", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportDialog", u"T\u1ec7p / \u00f4", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportDialog", u"&D\u1eebng", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"&Nh\u1eadp", None))
        self.replaceButton.setText(QCoreApplication.translate("ImportDialog", u"Thay th\u1ebf &c\u00e1c b\u00e1o c\u00e1o \u0111\u00e3 c\u00f3\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"\u0110\u00f3n&g", None))
    # retranslateUi

