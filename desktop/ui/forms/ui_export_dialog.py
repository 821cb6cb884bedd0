# generated — do not edit: compiled from forms/export_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 34dfa50de26094d4247ae012406649443f3272865a391b7d4c10d525c2e901b0
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(820, 620)
        self.mainLayout = QVBoxLayout(ExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLabel = QLabel(ExportDialog)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headerLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.periodLabel = QLabel(ExportDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodCombo = QComboBox(ExportDialog)
        self.periodCombo.setObjectName(u"periodCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodCombo)

        self.summaryLabel = QLabel(ExportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.summaryLabel)

        self.numberLabel = QLabel(ExportDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberLayout = QHBoxLayout()
        self.numberLayout.setObjectName(u"numberLayout")
        self.numberEdit = QLineEdit(ExportDialog)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaximumWidth(90)
        self.numberEdit.setMaxLength(20)

        self.numberLayout.addWidget(self.numberEdit)

        self.prefixLabel = QLabel(ExportDialog)
        self.prefixLabel.setObjectName(u"prefixLabel")

        self.numberLayout.addWidget(self.prefixLabel)

        self.numberHint = QLabel(ExportDialog)
        self.numberHint.setObjectName(u"numberHint")

        self.numberLayout.addWidget(self.numberHint)

        self.numberSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.numberLayout.addItem(self.numberSpacer)

        self.dateLabel = QLabel(ExportDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.numberLayout.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(ExportDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.numberLayout.addWidget(self.dateEdit)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.numberLayout)

        self.folderLabel = QLabel(ExportDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(ExportDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.chooseButton = QPushButton(ExportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.folderLayout.addWidget(self.chooseButton)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folderLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.outputsBox = QGroupBox(ExportDialog)
        self.outputsBox.setObjectName(u"outputsBox")
        self.outputsLayout = QGridLayout(self.outputsBox)
        self.outputsLayout.setObjectName(u"outputsLayout")
        self.xlsxCheck = QCheckBox(self.outputsBox)
        self.xlsxCheck.setObjectName(u"xlsxCheck")
        self.xlsxCheck.setChecked(True)

        self.outputsLayout.addWidget(self.xlsxCheck, 0, 0, 1, 1)

        self.xlsxName = QLineEdit(self.outputsBox)
        self.xlsxName.setObjectName(u"xlsxName")

        self.outputsLayout.addWidget(self.xlsxName, 0, 1, 1, 1)

        self.pdfCheck = QCheckBox(self.outputsBox)
        self.pdfCheck.setObjectName(u"pdfCheck")
        self.pdfCheck.setChecked(True)

        self.outputsLayout.addWidget(self.pdfCheck, 1, 0, 1, 1)

        self.pdfName = QLineEdit(self.outputsBox)
        self.pdfName.setObjectName(u"pdfName")

        self.outputsLayout.addWidget(self.pdfName, 1, 1, 1, 1)

        self.packageCheck = QCheckBox(self.outputsBox)
        self.packageCheck.setObjectName(u"packageCheck")
        self.packageCheck.setChecked(True)

        self.outputsLayout.addWidget(self.packageCheck, 2, 0, 1, 1)

        self.packageName = QLineEdit(self.outputsBox)
        self.packageName.setObjectName(u"packageName")

        self.outputsLayout.addWidget(self.packageName, 2, 1, 1, 1)


        self.mainLayout.addWidget(self.outputsBox)

        self.tree = QTreeWidget(ExportDialog)
        self.tree.setObjectName(u"tree")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)

        self.mainLayout.addWidget(self.tree)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressBar = QProgressBar(ExportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ExportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.progressLayout)

        self.statusLabel = QLabel(ExportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.exportButton = QPushButton(ExportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.openFolderButton = QPushButton(ExportDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonLayout.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ExportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.numberLabel.setBuddy(self.numberEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodCombo, self.numberEdit)
        QWidget.setTabOrder(self.numberEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.xlsxCheck)
        QWidget.setTabOrder(self.xlsxCheck, self.xlsxName)
        QWidget.setTabOrder(self.xlsxName, self.pdfCheck)
        QWidget.setTabOrder(self.pdfCheck, self.pdfName)
        QWidget.setTabOrder(self.pdfName, self.packageCheck)
        QWidget.setTabOrder(self.packageCheck, self.packageName)
        QWidget.setTabOrder(self.packageName, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.closeButton)

        self.retranslateUi(ExportDialog)

        self.exportButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"B\u00e1o c\u00e1o g\u1eedi c\u1ea5p tr\u00ean", None))
        self.headerLabel.setText(QCoreApplication.translate("ExportDialog", u"Xu\u1ea5t b\u00e1o c\u00e1o t\u1ed5ng h\u1ee3p c\u1ee7a k\u1ef3 \u0111\u1ec3 g\u1eedi c\u1ea5p tr\u00ean: b\u1ea3ng t\u1ed5ng h\u1ee3p Excel, b\u00e1o c\u00e1o PDF theo th\u1ec3 th\u1ee9c v\u0103n b\u1ea3n h\u00e0nh ch\u00ednh v\u00e0 g\u00f3i d\u1eef li\u1ec7u (.zip) \u0111\u1ec3 c\u1ea5p tr\u00ean nh\u1eadp, t\u1ed5ng h\u1ee3p. C\u00f3 th\u1ec3 l\u01b0u th\u1eb3ng v\u00e0o \u1ed5 USB.", None))
        self.periodLabel.setText(QCoreApplication.translate("ExportDialog", u"&K\u1ef3 b\u00e1o c\u00e1o:", None))
        self.numberLabel.setText(QCoreApplication.translate("ExportDialog", u"&S\u1ed1 v\u0103n b\u1ea3n:", None))
#if QT_CONFIG(tooltip)
        self.numberEdit.setToolTip(QCoreApplication.translate("ExportDialog", u"\u0110\u1ec3 tr\u1ed1ng: v\u0103n th\u01b0 \u0111i\u1ec1n s\u1ed1 khi v\u00e0o s\u1ed5 v\u0103n b\u1ea3n \u0111i", None))
#endif // QT_CONFIG(tooltip)
        self.numberHint.setText(QCoreApplication.translate("ExportDialog", u"(\u0111\u1ec3 tr\u1ed1ng \u0111\u1ec3 v\u0103n th\u01b0 \u0111i\u1ec1n khi v\u00e0o s\u1ed5)", None))
        self.numberHint.setStyleSheet(QCoreApplication.translate("ExportDialog", u"color: #5f6368;", None))
        self.dateLabel.setText(QCoreApplication.translate("ExportDialog", u"&Ng\u00e0y b\u00e1o c\u00e1o:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ExportDialog", u"dd/MM/yyyy", None))
        self.folderLabel.setText(QCoreApplication.translate("ExportDialog", u"L\u01b0u v\u00e0o &th\u01b0 m\u1ee5c:", None))
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("ExportDialog", u"Ch\u1ecdn th\u01b0 m\u1ee5c (c\u00f3 th\u1ec3 l\u00e0 \u1ed5 USB)", None))
        self.chooseButton.setText(QCoreApplication.translate("ExportDialog", u"&Ch\u1ecdn th\u01b0 m\u1ee5c\u2026", None))
        self.outputsBox.setTitle(QCoreApplication.translate("ExportDialog", u"T\u1ec7p s\u1ebd xu\u1ea5t", None))
        self.xlsxCheck.setText(QCoreApplication.translate("ExportDialog", u"&B\u1ea3ng t\u1ed5ng h\u1ee3p Excel", None))
        self.pdfCheck.setText(QCoreApplication.translate("ExportDialog", u"B\u00e1o c\u00e1o &PDF", None))
        self.packageCheck.setText(QCoreApplication.translate("ExportDialog", u"G\u00f3i &d\u1eef li\u1ec7u (.zip)", None))
        ___qtreewidgetitem = self.tree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ExportDialog", u"K\u1ebft qu\u1ea3", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ExportDialog", u"T\u1ec7p", None))
        self.cancelButton.setText(QCoreApplication.translate("ExportDialog", u"&H\u1ee7y", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("ExportDialog", u"D\u1eebng sau t\u1ec7p \u0111ang ghi; t\u1ec7p \u0111\u00e3 ghi xong \u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ExportDialog", u"&Xu\u1ea5t", None))
        self.openFolderButton.setText(QCoreApplication.translate("ExportDialog", u"&M\u1edf th\u01b0 m\u1ee5c", None))
        self.closeButton.setText(QCoreApplication.translate("ExportDialog", u"\u0110\u00f3n&g", None))
    # retranslateUi

